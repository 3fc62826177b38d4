namespace Meshery.Provider.Hosting;

/// <summary>Body of <c>GET /api/system/version</c>: the semantic version and the source revision it was built from.</summary>
public sealed record VersionAnswer(string Build, string Version);
