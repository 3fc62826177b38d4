using System.ComponentModel.DataAnnotations;

namespace Meshery.Agent.Registry;

/// <summary>Limits of the in-memory registry of registrants and their components (<c>Meshery:Agent:Registry</c>).</summary>
public sealed class RegistryOptions
{
    public const string Section = "Meshery:Agent:Registry";

    [Range(1, 100_000)]
    public int MaxRegistrants { get; set; } = 1_000;

    [Range(1, 1_000_000)]
    public int MaxComponentsPerRegistrant { get; set; } = 10_000;

    /// <summary>Components over all registrants (each kept as its model, kind and version only).</summary>
    [Range(1, 10_000_000)]
    public int MaxComponents { get; set; } = 100_000;

    /// <summary>Largest registration body (the component definition, base64, is most of it).</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 4 * 1024 * 1024;
}
