namespace Meshery.Provider.Functions.System;

/// <summary>Body of <c>GET /healthz</c>.</summary>
public sealed record HealthPayload(string Status);
