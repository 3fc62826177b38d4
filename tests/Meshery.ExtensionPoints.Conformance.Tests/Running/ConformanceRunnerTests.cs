using Meshery.ExtensionPoints.Capabilities;
using Meshery.ExtensionPoints.Conformance.Running;
using Meshery.ExtensionPoints.Conformance.Tests.Support;

namespace Meshery.ExtensionPoints.Conformance.Tests.Running;

[Collection(ProviderDoubleCollection.Name)]
public sealed class ConformanceRunnerTests(ProviderDoubleFixture provider)
{
    [Fact]
    public async Task A_conformant_provider_passes_every_check()
    {
        var report = await new ConformanceRunner(Options(provider.BaseAddress, secondUser: true)).RunAllAsync(TestContext.Current.CancellationToken);

        var failures = report.Checks.Where(c => c.Outcome != CheckOutcome.Pass).Select(c => $"{c.Outcome} {c.Name}: {c.Reason}");
        Assert.Empty(failures);
        Assert.True(report.Succeeded);
        Assert.True(report.Passed >= 100, $"only {report.Passed} checks ran");
        foreach (var name in (string[])["capabilities.fetch", "environments.create", "environments.etag-conflict", "environments.isolation",
            "environments.paging", "environments.snake-case", "connections.create", "credentials.secrets", "performance-profiles.update",
            "results.metrics", "designs.snake-case", "events.bulk-delete", "preferences.etag-conflict", "users-profile.isolation", "auth.missing-token"])
        {
            Assert.Contains(report.Checks, c => c.Name == name && c.Outcome == CheckOutcome.Pass);
        }
    }

    [Fact]
    public async Task Without_a_second_token_isolation_is_skipped_not_failed()
    {
        var report = await new ConformanceRunner(Options(provider.BaseAddress, secondUser: false)).RunAllAsync(TestContext.Current.CancellationToken);

        Assert.True(report.Succeeded);
        var isolation = report.Checks.Where(c => c.Name.EndsWith(".isolation", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(isolation);
        Assert.All(isolation, c => Assert.Equal(CheckOutcome.Skip, c.Outcome));
    }

    [Fact]
    public async Task A_create_answering_200_instead_of_201_fails_that_check_naming_both_statuses()
    {
        await using var broken = await ProviderDouble.StartAsync(new ProviderDoubleFaults { EnvironmentCreateStatus = 200 }, TestContext.Current.CancellationToken);

        var report = await new ConformanceRunner(Options(broken.BaseAddress, secondUser: true)).RunAllAsync(TestContext.Current.CancellationToken);

        Assert.False(report.Succeeded);
        var create = Assert.Single(report.Checks, c => c.Name == "environments.create");
        Assert.Equal(CheckOutcome.Fail, create.Outcome);
        Assert.StartsWith("expected 201, got 200 (POST /api/environments)", create.Reason, StringComparison.Ordinal);
        Assert.Equal(CheckOutcome.Skip, Assert.Single(report.Checks, c => c.Name == "environments.read").Outcome);
        Assert.Equal(CheckOutcome.Pass, Assert.Single(report.Checks, c => c.Name == "workspaces.create").Outcome);
    }

    [Fact]
    public async Task The_same_broken_create_passes_when_lenient_as_a_Meshery_server_is()
    {
        await using var broken = await ProviderDouble.StartAsync(new ProviderDoubleFaults { EnvironmentCreateStatus = 200 }, TestContext.Current.CancellationToken);

        var report = await new ConformanceRunner(Options(broken.BaseAddress, secondUser: false) with { Lenient = true })
            .RunAllAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CheckOutcome.Pass, Assert.Single(report.Checks, c => c.Name == "environments.create").Outcome);
        Assert.True(report.Succeeded, string.Join("; ", report.Checks.Where(c => c.Outcome == CheckOutcome.Fail).Select(c => c.Name + ": " + c.Reason)));
    }

    [Fact]
    public async Task A_provider_that_accepts_a_stale_if_match_fails_every_etag_conflict_check()
    {
        await using var broken = await ProviderDouble.StartAsync(new ProviderDoubleFaults { IgnoreIfMatch = true }, TestContext.Current.CancellationToken);

        var report = await new ConformanceRunner(Options(broken.BaseAddress, secondUser: false)).RunAllAsync(TestContext.Current.CancellationToken);

        var conflicts = report.Checks.Where(c => c.Name.EndsWith(".etag-conflict", StringComparison.Ordinal)).ToArray();
        Assert.Equal(7, conflicts.Length);
        Assert.All(conflicts, c =>
        {
            Assert.Equal(CheckOutcome.Fail, c.Outcome);
            Assert.Matches("^expected 412, got 20[01] \\((PUT|POST) /", c.Reason);
        });
        Assert.Equal(conflicts.Length, report.Failed);
    }

    [Fact]
    public async Task Capabilities_that_are_not_advertised_are_skipped()
    {
        await using var partial = await ProviderDouble.StartAsync(
            new ProviderDoubleFaults { Features = [Features.Environments, Features.UsersProfile] }, TestContext.Current.CancellationToken);

        var report = await new ConformanceRunner(Options(partial.BaseAddress, secondUser: false)).RunAllAsync(TestContext.Current.CancellationToken);

        Assert.True(report.Succeeded);
        Assert.Equal(CheckOutcome.Skip, Assert.Single(report.Checks, c => c.Name == "workspaces").Outcome);
        Assert.Contains("not advertised: persist-events", Assert.Single(report.Checks, c => c.Name == "events").Reason, StringComparison.Ordinal);
        Assert.Equal(CheckOutcome.Skip, Assert.Single(report.Checks, c => c.Name == "environments.connections").Outcome);
        Assert.Contains(report.Checks, c => c.Name == "environments.delete" && c.Outcome == CheckOutcome.Pass);
    }

    [Fact]
    public async Task An_unreachable_provider_fails_the_capabilities_check_and_stops()
    {
        var closed = new Uri("http://127.0.0.1:1/");

        var report = await new ConformanceRunner(Options(closed, secondUser: false) with { Timeout = TimeSpan.FromSeconds(5) })
            .RunAllAsync(TestContext.Current.CancellationToken);

        var only = Assert.Single(report.Checks);
        Assert.Equal("capabilities.fetch", only.Name);
        Assert.Equal(CheckOutcome.Fail, only.Outcome);
        Assert.Contains("could not be reached", only.Reason, StringComparison.Ordinal);
    }

    private static ConformanceOptions Options(Uri provider, bool secondUser) => new()
    {
        Provider = provider,
        Token = DoubleTokens.NewToken(),
        SecondToken = secondUser ? DoubleTokens.NewToken() : null,
        Build = "v0.8.0",
    };
}
