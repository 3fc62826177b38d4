using Azure.Data.Tables;
using Meshery.Provider.Storage.Events;
using Meshery.Provider.Storage.Preferences;
using Meshery.Provider.Storage.Tables;

namespace Meshery.Benchmarks.Provider;

/// <summary>
/// The three requests against a seeded <see cref="ProviderRig"/>: GET preferences, list
/// environments (page 0 of 25 with its total) and POST event. Each direct baseline is the least
/// Azure.Data.Tables work that gives the same answer: a point read; one query returning the count row
/// and the page; one insert that stores the event durably under its id. It skips everything a
/// provider does beyond storage (auth, JSON, validation, decoding).
/// </summary>
public static class ProviderScenarios
{
    public const int PageSize = 25;

    /// <summary>What a page needs: the key, the document and the count row's total (as the provider selects).</summary>
    private static readonly string[] PageSelect = ["RowKey", .. DocumentParts.Columns, .. DocumentCount.Columns];

    public static async Task<IReadOnlyList<ProviderScenario>> CreateAsync(ProviderRig rig, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rig);
        var eventTemplate = await StoredEventAsync(rig, cancellationToken);
        return [Preferences(rig), ListEnvironments(rig), PostEvent(rig, eventTemplate)];
    }

    public static ProviderScenario Preferences(ProviderRig rig)
    {
        ArgumentNullException.ThrowIfNull(rig);
        return new ProviderScenario(
            "GET preferences",
            ct => GetAsync(rig.Http, "user/preferences", ct),
            async ct => Require((await rig.Users.GetEntityIfExistsAsync<TableEntity>(rig.Partition, TablePreferencesStore.RowKey, cancellationToken: ct)).HasValue),
            "1 point read",
            "1 point read");
    }

    public static ProviderScenario ListEnvironments(ProviderRig rig)
    {
        ArgumentNullException.ThrowIfNull(rig);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {rig.Partition} and RowKey ge {DocumentCount.Row} and RowKey lt {KeyRange.All.To}");
        return new ProviderScenario(
            "list environments",
            ct => GetAsync(rig.Http, $"api/environments?page=0&pagesize={PageSize}", ct),
            ct => FirstPageWithCountAsync(rig.EnvironmentTable, filter, ct),
            $"1 query: count row + first page of {PageSize}",
            $"1 query: count row + first page of {PageSize}");
    }

    public static ProviderScenario PostEvent(ProviderRig rig, TableEntity template)
    {
        ArgumentNullException.ThrowIfNull(rig);
        ArgumentNullException.ThrowIfNull(template);
        return new ProviderScenario(
            "POST event",
            ct => PostAsync(rig.Http, "api/events", ProviderPayloads.Event, ct),
            ct => rig.Events.AddEntityAsync(NewEvent(template, Guid.NewGuid()), ct),
            "1 AddEntity keyed by the event id (same entity size)",
            "1 AddEntity keyed by the event id");
    }

    /// <summary>The event row the seeding POST stored: the baseline writes entities of its very shape and size.</summary>
    public static async Task<TableEntity> StoredEventAsync(ProviderRig rig, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rig);
        var range = TableEventStore.AllEvents;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {rig.Partition} and RowKey ge {range.From} and RowKey lt {range.To}");
        await foreach (var entity in rig.Events.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            return entity;
        }

        throw new InvalidOperationException("The seeded event is not in the events table.");
    }

    private static TableEntity NewEvent(TableEntity template, Guid id)
    {
        var entity = new TableEntity(template.PartitionKey, TableEventStore.EventRow(id));
        foreach (var (name, value) in template)
        {
            if (name is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag"))
            {
                entity[name] = value;
            }
        }

        entity["EventId"] = id.ToString("D");
        return entity;
    }

    /// <summary>The least work that answers page 0 with its total: one query whose first row is the count row the writers keep.</summary>
    private static async Task FirstPageWithCountAsync(TableClient table, string filter, CancellationToken ct)
    {
        await foreach (var page in table.QueryAsync<TableEntity>(filter, PageSize + 1, PageSelect, ct).AsPages())
        {
            Require(page.Values.Count == PageSize + 1 && page.Values[0].GetInt32(DocumentCount.TotalProperty) == ProviderRig.Environments);
            return;
        }

        Require(false);
    }

    /// <summary>One GET whose answer must be a success, read to the end.</summary>
    public static async Task GetAsync(HttpClient http, string path, CancellationToken ct)
    {
        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseContentRead, ct);
        Require(response.IsSuccessStatusCode);
    }

    private static async Task PostAsync(HttpClient http, string path, string json, CancellationToken ct)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(path, content, ct);
        Require(response.IsSuccessStatusCode);
    }

    private static void Require(bool condition)
    {
        if (!condition)
        {
            throw new InvalidOperationException("The request did not answer as expected.");
        }
    }
}
