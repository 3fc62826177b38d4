namespace Meshery.Agent.Registry;

/// <summary>Counts of what a registrant registered (schemas v1beta1 RegistrantSummary).</summary>
public sealed record RegistrantSummary
{
    public int Models { get; set; }

    public int Components { get; set; }

    public int Relationships { get; set; }

    public int Policies { get; set; }
}
