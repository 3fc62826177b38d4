namespace Meshery.Benchmarks.Provider;

/// <summary>The figures of one scenario: the baseline, the provider and, when it differs, the provider's storage work made directly.</summary>
public sealed record ScenarioFigures(ProviderScenario Scenario, LoadFigures Direct, LoadFigures Provider, LoadFigures? SameWork);
