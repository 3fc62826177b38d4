namespace Meshery.ExtensionPoints;

/// <summary>An entity as stored, with the entity tag an update must present in <c>If-Match</c>.</summary>
public sealed record Stored<T>(T Value, string ETag);
