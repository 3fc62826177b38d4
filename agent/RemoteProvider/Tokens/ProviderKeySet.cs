namespace Meshery.Agent.RemoteProvider.Tokens;

/// <summary>The provider's <c>/keys</c> answer: <c>{"keys": [...]}</c>.</summary>
public sealed record ProviderKeySet
{
    public IReadOnlyList<ProviderKey> Keys { get; set; } = [];
}
