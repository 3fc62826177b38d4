namespace Meshery.Agent.MeshAdapters;

/// <summary>One adapter as <c>GET /api/system/adapters</c> shows it: where it is, what it is, what it offers, whether it answers.</summary>
public sealed record AdapterSummary
{
    public string AdapterLocation { get; set; } = "";

    /// <summary>The mesh name the adapter gave (<c>MeshName</c>).</summary>
    public string? Name { get; set; }

    /// <summary>The adapter's own version (<c>ComponentInfo.version</c>).</summary>
    public string? Version { get; set; }

    public string? GitCommitSha { get; set; }

    /// <summary>The mesh versions the adapter can install (<c>MeshVersions</c>).</summary>
    public IReadOnlyList<string> MeshVersions { get; set; } = [];

    public IReadOnlyList<AdapterOperationInfo> Ops { get; set; } = [];

    /// <summary>Whether the adapter answered its last liveness check and its event stream is not known to be broken.</summary>
    public bool Live { get; set; }

    public DateTimeOffset? LastCheckedAt { get; set; }

    /// <summary>Why the adapter is not live, when it is not.</summary>
    public string? Error { get; set; }

    internal static AdapterSummary Of(string location, MeshAdapterState state) => new()
    {
        AdapterLocation = location,
        Name = state.Name,
        Version = state.Component?.Version,
        GitCommitSha = state.Component?.GitSha,
        MeshVersions = state.Versions,
        Ops = [.. state.Operations.Select(o => new AdapterOperationInfo { Key = o.Key, Value = o.Value, Category = (int)o.Category })],
        Live = state.Live,
        LastCheckedAt = state.LastCheckedAt,
        Error = state.Live ? null : state.Error,
    };
}
