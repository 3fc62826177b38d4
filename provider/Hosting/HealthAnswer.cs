namespace Meshery.Provider.Hosting;

/// <summary>Body of <c>GET /healthz</c>.</summary>
public sealed record HealthAnswer(string Status);
