namespace Meshery.Provider.Storage.Tables;

/// <summary>One page of a list and how many entries the whole list holds.</summary>
public sealed record TablePage<T>(IReadOnlyList<T> Items, int Total)
{
    /// <summary>Every entity of the key range with the request's <see cref="TableListRequest.TallyColumns"/>, when it asked for them.</summary>
    public IReadOnlyList<Azure.Data.Tables.TableEntity>? Scanned { get; init; }
}
