using System.Text;
using System.Text.Json.Nodes;
using Meshery.Agent.Tests.Support;
using Meshery.ExtensionPoints.Designs;
using Meshery.ExtensionPoints.Errors;
using Meshery.ExtensionPoints.Paging;
using Microsoft.Extensions.Time.Testing;

namespace Meshery.Agent.Tests.LocalProvider.Designs;

public sealed class SqliteDesignStoreTests : LocalProviderTest
{
    [Fact]
    public async Task A_design_saves_reads_replaces_and_deletes()
    {
        var created = await Local.Designs.SaveAsync(
            Caller, new Design { Name = "web", PatternFile = "name: web\nservices: {}\n", CatalogData = new JsonObject { ["class"] = "official" } }, null, Ct);
        var read = await Local.Designs.GetAsync(Caller, created.Value.Id, Ct);
        var replaced = await Local.Designs.SaveAsync(Caller, read!.Value with { PatternFile = "name: web\nversion: 2\n" }, read.ETag, Ct);
        var stale = await Assert.ThrowsAsync<ProviderException>(
            () => Local.Designs.SaveAsync(Caller, read.Value with { PatternFile = "lost" }, read.ETag, Ct));

        Assert.Equal(DesignVisibilities.Private, created.Value.Visibility);
        Assert.Equal(Caller.UserId, created.Value.UserId);
        JsonAssert.Same(created.Value, read.Value);
        Assert.Equal("official", (string?)read.Value.CatalogData!["class"]);
        Assert.Equal("name: web\nversion: 2\n", replaced.Value.PatternFile);
        Assert.Equal(created.Value.CreatedAt, replaced.Value.CreatedAt);
        Assert.Equal("\"2\"", replaced.ETag);
        Assert.Equal(ProviderErrorKind.PreconditionFailed, stale.Kind);

        Assert.True(await Local.Designs.DeleteAsync(Caller, created.Value.Id, Ct));
        Assert.False(await Local.Designs.DeleteAsync(Caller, created.Value.Id, Ct));
        Assert.Null(await Local.Designs.GetAsync(Caller, created.Value.Id, Ct));
    }

    [Fact]
    public async Task A_two_megabyte_pattern_file_round_trips_unchanged()
    {
        var builder = new StringBuilder(2 * 1024 * 1024 + 64);
        var line = 0;
        while (builder.Length < 2 * 1024 * 1024)
        {
            builder.Append("- name: component-").Append(line++).Append("  # ünïcödé ✓ \"quoted\" \\ \t\n");
        }

        var pattern = builder.ToString();
        var created = await Local.Designs.SaveAsync(Caller, new Design { Name = "big", PatternFile = pattern }, null, Ct);

        var read = await Local.Designs.GetAsync(Caller, created.Value.Id, Ct);

        Assert.True(pattern.Length >= 2 * 1024 * 1024);
        Assert.Equal(pattern, read!.Value.PatternFile);
    }

    [Fact]
    public async Task Lists_filter_by_visibility_and_update_time()
    {
        var time = (FakeTimeProvider)Local.Time;
        await Local.Designs.SaveAsync(Caller, new Design { Name = "private-1", PatternFile = "a" }, null, Ct);
        await Local.Designs.SaveAsync(Caller, new Design { Name = "public-1", PatternFile = "b", Visibility = DesignVisibilities.Public }, null, Ct);
        time.Advance(TimeSpan.FromHours(1));
        var cutoff = time.GetUtcNow();
        time.Advance(TimeSpan.FromHours(1));
        await Local.Designs.SaveAsync(Caller, new Design { Name = "published-1", PatternFile = "c", Visibility = DesignVisibilities.Published }, null, Ct);
        await Local.Designs.SaveAsync(Caller, new Design { Name = "public-2", PatternFile = "d", Visibility = DesignVisibilities.Public }, null, Ct);

        var publicOnly = await Local.Designs.ListAsync(Caller, new DesignQuery { Visibility = [DesignVisibilities.Public], Page = new PageRequest { Order = "name" } }, Ct);
        var shared = await Local.Designs.ListAsync(
            Caller, new DesignQuery { Visibility = [DesignVisibilities.Public, DesignVisibilities.Published], Page = new PageRequest { Order = "name" } }, Ct);
        var recent = await Local.Designs.ListAsync(Caller, new DesignQuery { UpdatedAfter = cutoff, Page = new PageRequest { Order = "name" } }, Ct);
        var all = await Local.Designs.ListAsync(Caller, new DesignQuery(), Ct);
        var search = await Local.Designs.ListAsync(Caller, new DesignQuery { Page = new PageRequest { Search = "PUBLIC" } }, Ct);

        Assert.Equal(["public-1", "public-2"], publicOnly.Patterns.Select(d => d.Name));
        Assert.Equal(["public-1", "public-2", "published-1"], shared.Patterns.Select(d => d.Name));
        Assert.Equal(["public-2", "published-1"], recent.Patterns.Select(d => d.Name));
        Assert.Equal(["public-2", "published-1", "public-1", "private-1"], all.Patterns.Select(d => d.Name));
        Assert.Equal(4, all.TotalCount);
        Assert.Equal(2, search.TotalCount);
    }

    [Fact]
    public async Task Unknown_visibility_and_blank_names_are_invalid()
    {
        var visibility = await Assert.ThrowsAsync<ProviderException>(
            () => Local.Designs.SaveAsync(Caller, new Design { Name = "x", PatternFile = "a", Visibility = "secret" }, null, Ct));
        var name = await Assert.ThrowsAsync<ProviderException>(
            () => Local.Designs.SaveAsync(Caller, new Design { Name = " ", PatternFile = "a" }, null, Ct));

        Assert.Equal(ProviderErrorKind.Invalid, visibility.Kind);
        Assert.Equal(ProviderErrorKind.Invalid, name.Kind);
    }

    [Fact]
    public async Task A_design_saved_with_a_new_id_keeps_that_id()
    {
        var id = Guid.NewGuid();

        var created = await Local.Designs.SaveAsync(Caller, new Design { Id = id, Name = "chosen", PatternFile = "a" }, null, Ct);

        Assert.Equal(id, created.Value.Id);
        Assert.Equal("\"1\"", created.ETag);
    }
}
