namespace Meshery.Provider.Functions.System;

/// <summary>Body of <c>GET /api/system/version</c>: the semantic version and the source revision it was built from.</summary>
public sealed record VersionPayload(string Build, string Version);
