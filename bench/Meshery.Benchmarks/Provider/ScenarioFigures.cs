namespace Meshery.Benchmarks.Provider;

/// <summary>The figures of one scenario: the baseline and the provider.</summary>
public sealed record ScenarioFigures(ProviderScenario Scenario, LoadFigures Direct, LoadFigures Provider);
