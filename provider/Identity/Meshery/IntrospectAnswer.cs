namespace Meshery.Provider.Identity.Meshery;

/// <summary><c>/introspect</c>'s answer (Meshery reads only the status: 200 active, anything else not).</summary>
public sealed record IntrospectAnswer(bool Active, string? Sub = null, long? Exp = null);
