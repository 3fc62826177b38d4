namespace Meshery.Agent.Perf.Load;

/// <summary>One load test as the generators run it.</summary>
public sealed record LoadTest
{
    public required Uri Url { get; init; }

    /// <summary><see cref="LoadGenerators.Fortio"/> or <see cref="LoadGenerators.Wrk2"/>.</summary>
    public string LoadGenerator { get; init; } = LoadGenerators.Fortio;

    public int Connections { get; init; } = 1;

    /// <summary>Requests per second over all connections; 0 = as fast as they go (closed loop only).</summary>
    public double Qps { get; init; }

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>HTTP/1.1 or HTTP/2 (cleartext HTTP/2 uses prior knowledge).</summary>
    public Version HttpVersion { get; init; } = System.Net.HttpVersion.Version11;

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Cookies { get; init; } = new Dictionary<string, string>();

    /// <summary>A request body; with one the method is POST, without it GET (as Fortio does).</summary>
    public ReadOnlyMemory<byte> Body { get; init; }

    public string? ContentType { get; init; }

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    public string TestId { get; init; } = "";

    public bool IsConstantRate => LoadGenerator == LoadGenerators.Wrk2;
}
