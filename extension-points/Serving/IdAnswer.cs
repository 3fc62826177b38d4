namespace Meshery.ExtensionPoints.Serving;

/// <summary><c>{"id": "..."}</c>: the id of what was created.</summary>
public sealed record IdAnswer(Guid Id);
