namespace Meshery.Benchmarks.Provider;

/// <summary>One unit of work done two ways: through the provider over HTTP, and directly on Azure.Data.Tables.</summary>
/// <param name="Name">What the work is, e.g. <c>GET preferences</c>.</param>
/// <param name="Provider">One request to the provider host.</param>
/// <param name="Direct">The baseline: the least storage work that answers the same question.</param>
/// <param name="DirectWork">What the baseline asks of Table storage.</param>
/// <param name="ProviderWork">What the provider's store asks of Table storage for the same request.</param>
public sealed record ProviderScenario(
    string Name,
    Func<CancellationToken, Task> Provider,
    Func<CancellationToken, Task> Direct,
    string DirectWork,
    string ProviderWork);
