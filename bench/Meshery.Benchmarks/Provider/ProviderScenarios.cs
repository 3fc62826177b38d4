using Azure.Data.Tables;
using Meshery.Provider.Storage.Events;
using Meshery.Provider.Storage.Preferences;
using Meshery.Provider.Storage.Tables;

namespace Meshery.Benchmarks.Provider;

/// <summary>
/// The three requests against a seeded <see cref="ProviderRig"/>: GET preferences, list
/// environments (page 0 of 25) and POST event. The direct baselines use the SDK's defaults and no
/// projection, and skip everything a provider must do beyond storage (auth, JSON, validation).
/// </summary>
public static class ProviderScenarios
{
    public const int PageSize = 25;

    private static readonly string[] RowKeyOnly = ["RowKey"];

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
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {rig.Partition}");
        Task Page(CancellationToken ct) => FirstPageAsync(rig.EnvironmentTable, filter, ct);
        return new ProviderScenario(
            "list environments",
            ct => GetAsync(rig.Http, $"api/environments?page=0&pagesize={PageSize}", ct),
            Page,
            $"1 query: first page of {PageSize}",
            $"page query + RowKey-only count query over all {ProviderRig.Environments}, in parallel",
            ct => Task.WhenAll(Page(ct), CountAsync(rig.EnvironmentTable, filter, ct)));
    }

    public static ProviderScenario PostEvent(ProviderRig rig, TableEntity template)
    {
        ArgumentNullException.ThrowIfNull(rig);
        ArgumentNullException.ThrowIfNull(template);
        return new ProviderScenario(
            "POST event",
            ct => PostAsync(rig.Http, "api/events", ProviderPayloads.Event, ct),
            ct => rig.Events.AddEntityAsync(NewEvent(template, Guid.NewGuid()), ct),
            "1 AddEntity (same entity size)",
            "1 batch: event row + lookup row",
            ct =>
            {
                var id = Guid.NewGuid();
                var entity = NewEvent(template, id);
                var lookup = new TableEntity(entity.PartitionKey, TableEventStore.LookupRow(id)) { [TableEventStore.TargetProperty] = entity.RowKey };
                return rig.Events.SubmitTransactionAsync([new(TableTransactionActionType.Add, lookup), new(TableTransactionActionType.Add, entity)], ct);
            });
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
        var entity = new TableEntity(template.PartitionKey, TableEventStore.EventRow(TimeProvider.System.GetUtcNow(), id));
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

    private static async Task FirstPageAsync(TableClient table, string filter, CancellationToken ct)
    {
        await foreach (var page in table.QueryAsync<TableEntity>(filter, PageSize, cancellationToken: ct).AsPages())
        {
            Require(page.Values.Count == PageSize);
            return;
        }

        Require(false);
    }

    private static async Task CountAsync(TableClient table, string filter, CancellationToken ct)
    {
        var total = 0;
        await foreach (var page in table.QueryAsync<TableEntity>(filter, EntityLimits.MaxPageSize, RowKeyOnly, ct).AsPages())
        {
            total += page.Values.Count;
        }

        Require(total == ProviderRig.Environments);
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
