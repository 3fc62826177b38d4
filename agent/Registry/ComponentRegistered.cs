namespace Meshery.Agent.Registry;

/// <summary>The answer to a registration: which registrant recorded which component.</summary>
public sealed record ComponentRegistered
{
    public Guid RegistrantId { get; set; }

    public string Registrant { get; set; } = "";

    public string Model { get; set; } = "";

    public string Kind { get; set; } = "";

    public string Version { get; set; } = "";

    /// <summary>False when the same component was registered before (replaced).</summary>
    public bool Created { get; set; }
}
