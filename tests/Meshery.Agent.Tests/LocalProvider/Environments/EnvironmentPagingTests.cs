using System.Globalization;
using Meshery.Agent.Tests.Support;
using Meshery.ExtensionPoints.Environments;
using Meshery.ExtensionPoints.Paging;

namespace Meshery.Agent.Tests.LocalProvider.Environments;

/// <summary>Paging, search and ordering as every Local provider list does them, over 120 environments.</summary>
public sealed class EnvironmentPagingTests : LocalProviderTest, IAsyncLifetime
{
    private const int Count = 120;

    public async ValueTask InitializeAsync()
    {
        for (var i = 0; i < Count; i++)
        {
            var name = i % 10 == 0 ? $"staging-{i:D3}" : $"cluster-{i:D3}";
            await Local.Environments.CreateAsync(Caller, new EnvironmentPayload { Name = name, Description = i == 7 ? "has 50% off" : "" }, Ct);
        }
    }

    [Fact]
    public async Task Pages_of_25_cover_every_row_once_with_the_right_total()
    {
        var seen = new List<Guid>();
        for (var page = 0; page < 5; page++)
        {
            var result = await Local.Environments.ListAsync(Caller, new PageRequest { Page = page, PageSize = 25 }, null, Ct);

            Assert.Equal(Count, result.TotalCount);
            Assert.Equal(page, result.Page);
            Assert.Equal(25, result.PageSize);
            Assert.Equal(page < 4 ? 25 : 20, result.Environments.Count);
            seen.AddRange(result.Environments.Select(e => e.Id));
        }

        var beyond = await Local.Environments.ListAsync(Caller, new PageRequest { Page = 5, PageSize = 25 }, null, Ct);

        Assert.Equal(Count, seen.Distinct().Count());
        Assert.Empty(beyond.Environments);
        Assert.Equal(Count, beyond.TotalCount);
    }

    [Fact]
    public async Task The_default_order_is_most_recently_updated_first()
    {
        var first = await Local.Environments.ListAsync(Caller, new PageRequest { PageSize = 3 }, null, Ct);

        Assert.Equal(["cluster-119", "cluster-118", "cluster-117"], first.Environments.Select(e => e.Name));
    }

    [Fact]
    public async Task Order_by_name_ascending_and_descending()
    {
        var ascending = await Local.Environments.ListAsync(Caller, new PageRequest { PageSize = 1000, Order = "name asc" }, null, Ct);
        var descending = await Local.Environments.ListAsync(Caller, new PageRequest { PageSize = 1000, Order = "name desc" }, null, Ct);

        var names = ascending.Environments.Select(e => e.Name).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Equal("cluster-001", names[0]);
        Assert.Equal("staging-110", names[^1]);
        Assert.Equal(Enumerable.Reverse(names), descending.Environments.Select(e => e.Name));
    }

    [Theory]
    [InlineData("created_at desc")]
    [InlineData("createdAt desc")]
    public async Task Order_accepts_either_spelling_of_a_column(string order)
    {
        var result = await Local.Environments.ListAsync(Caller, new PageRequest { PageSize = 2, Order = order }, null, Ct);

        Assert.Equal(["cluster-119", "cluster-118"], result.Environments.Select(e => e.Name));
    }

    [Fact]
    public async Task An_unknown_order_column_falls_back_to_the_default()
    {
        var result = await Local.Environments.ListAsync(Caller, new PageRequest { PageSize = 1, Order = "document; DROP TABLE environments" }, null, Ct);

        Assert.Equal("cluster-119", Assert.Single(result.Environments).Name);
        Assert.Equal(Count, (await Local.Environments.ListAsync(Caller, new PageRequest(), null, Ct)).TotalCount);
    }

    [Fact]
    public async Task Search_matches_a_name_substring_case_insensitively_and_pages_the_matches()
    {
        var firstPage = await Local.Environments.ListAsync(Caller, new PageRequest { Search = "STAGING", PageSize = 5, Order = "name" }, null, Ct);
        var secondPage = await Local.Environments.ListAsync(Caller, new PageRequest { Search = "staging", Page = 1, PageSize = 5, Order = "name" }, null, Ct);
        var narrow = await Local.Environments.ListAsync(Caller, new PageRequest { Search = "-05" }, null, Ct);

        Assert.Equal(12, firstPage.TotalCount);
        Assert.Equal(12, secondPage.TotalCount);
        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"staging-{i * 10:D3}"), firstPage.Environments.Select(e => e.Name));
        Assert.Equal(Enumerable.Range(5, 5).Select(i => $"staging-{i * 10:D3}"), secondPage.Environments.Select(e => e.Name));
        Assert.Equal(
            Enumerable.Range(50, 10).Select(i => (i % 10 == 0 ? "staging-" : "cluster-") + i.ToString("D3", CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal),
            narrow.Environments.Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Search_matches_descriptions_and_treats_wildcards_literally()
    {
        var percent = await Local.Environments.ListAsync(Caller, new PageRequest { Search = "50%" }, null, Ct);
        var underscore = await Local.Environments.ListAsync(Caller, new PageRequest { Search = "_" }, null, Ct);
        var lonePercent = await Local.Environments.ListAsync(Caller, new PageRequest { Search = "%" }, null, Ct);

        Assert.Equal("cluster-007", Assert.Single(percent.Environments).Name);
        Assert.Equal(0, underscore.TotalCount);
        Assert.Equal(1, lonePercent.TotalCount);
    }

    [Fact]
    public async Task Another_caller_sees_none_of_them()
    {
        var other = await Local.Environments.ListAsync(new Meshery.ExtensionPoints.ProviderCaller(Guid.NewGuid()), new PageRequest(), null, Ct);

        Assert.Equal(0, other.TotalCount);
        Assert.Empty(other.Environments);
    }
}
