using Meshery.ExtensionPoints.Capabilities;
using Meshery.ExtensionPoints.Conformance.Cli;
using Meshery.ExtensionPoints.Conformance.Running;
using Meshery.Testing.Paths;
using Meshery.Provider.Tests.Support;
using Meshery.Testing.Provider;

namespace Meshery.Provider.Tests.Api;

/// <summary>The Extension Points conformance kit, as a third party would run it, against each host.</summary>
public static class ProviderConformance
{
    public static async Task PassesAsync(IProviderUnderTest provider, HttpMessageHandler? handler, string reportName)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var report = await new ConformanceRunner(
            new ConformanceOptions
            {
                Provider = provider.BaseAddress,
                Token = provider.Tokens.Mint(Guid.NewGuid()),
                SecondToken = provider.Tokens.Mint(Guid.NewGuid()),
            },
            handler).RunAllAsync(TestContext.Current.CancellationToken);

        // Kept beside the TRX results so the README's sample output can be refreshed from a real run.
        var folder = RepositoryRoot.Combine("artifacts", "conformance");
        Directory.CreateDirectory(folder);
        await File.WriteAllLinesAsync(
            Path.Combine(folder, reportName + ".txt"),
            report.Checks.Select(ConformanceCommand.Line).Append($"{report.Passed} passed, {report.Failed} failed, {report.Skipped} skipped"),
            TestContext.Current.CancellationToken);

        Assert.Empty(report.Checks.Where(c => c.Outcome == CheckOutcome.Fail).Select(c => $"{c.Name}: {c.Reason}"));
        Assert.True(report.Passed >= 120, $"only {report.Passed} checks passed");
        Assert.Contains(report.Checks, c => c.Name == "capabilities.fetch" && c.Reason.Contains(Features.PersistEvents, StringComparison.Ordinal));
    }
}

[Collection(ProviderHostCollection.Name)]
public sealed class ProviderHostConformanceTests(ProviderHostFixture host)
{
    [Fact]
    public Task The_provider_host_passes_the_conformance_kit() => ProviderConformance.PassesAsync(host, host.CreateHandler(), "provider-host");
}

[Collection(ProviderFunctionsCollection.Name)]
public sealed class ProviderFunctionsConformanceTests(ProviderFunctionsFixture functions)
{
    [Fact]
    public Task The_functions_app_passes_the_conformance_kit() => ProviderConformance.PassesAsync(functions, handler: null, "provider-functions");
}
