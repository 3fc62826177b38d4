namespace Meshery.Provider.Identity.Meshery;

/// <summary><c>{"token": "..."}</c>: the body of Meshery's <c>/refresh</c>, <c>/introspect</c> and <c>/revoke</c>, and <c>/refresh</c>'s answer.</summary>
public sealed record TokenBody(string? Token);
