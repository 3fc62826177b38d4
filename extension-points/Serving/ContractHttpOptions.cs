namespace Meshery.ExtensionPoints.Serving;

/// <summary>Limits every host applies to the contract's HTTP calls.</summary>
public sealed class ContractHttpOptions
{
    public const long DefaultMaxRequestBodyBytes = 16 * 1024 * 1024;

    /// <summary>Largest request body accepted; a larger one answers 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = DefaultMaxRequestBodyBytes;
}
