namespace Meshery.ExtensionPoints.Conformance.Running;

/// <summary>An answer to a request the kit made by hand (snake_case bodies, malformed input).</summary>
internal sealed record RawAnswer(string Call, int Status, string? MediaType, string Body, string? ETag, string? WwwAuthenticate);
