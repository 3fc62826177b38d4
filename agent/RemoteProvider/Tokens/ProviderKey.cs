namespace Meshery.Agent.RemoteProvider.Tokens;

/// <summary>One key of the provider's <c>/keys</c> (every member a string).</summary>
public sealed record ProviderKey
{
    public string? Kid { get; set; }

    public string? Kty { get; set; }

    public string? N { get; set; }

    public string? E { get; set; }
}
