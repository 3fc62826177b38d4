namespace Meshery.ExtensionPoints.Conformance.Tests.Support;

/// <summary>Deliberate departures from the contract, to see the conformance kit catch them.</summary>
public sealed record ProviderDoubleFaults
{
    public static ProviderDoubleFaults None { get; } = new();

    /// <summary>Answer <c>POST /api/environments</c> with this status instead of 201.</summary>
    public int? EnvironmentCreateStatus { get; init; }

    /// <summary>Drop <c>If-Match</c> before the stores see it, so a stale tag is accepted.</summary>
    public bool IgnoreIfMatch { get; init; }

    /// <summary>Advertise only these features (all that the double serves when null).</summary>
    public IReadOnlyList<string>? Features { get; init; }
}
