using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Designs;
using Meshery.ExtensionPoints.Errors;
using Meshery.ExtensionPoints.Validation;
using Meshery.Provider.Storage.Tables;

namespace Meshery.Provider.Storage.Designs;

/// <summary>
/// Designs in table <c>designs</c> (PartitionKey = user id, RowKey = design id). The pattern file
/// travels inside the document: split over <c>Doc0..DocN</c> up to about 900 KB, in a blob of
/// container <c>designs</c> beyond.
/// </summary>
public sealed class TableDesignStore(TableStorage storage, TimeProvider time) : IDesignStore
{
    /// <summary>Largest pattern file accepted (the host's request body limit is the outer bound).</summary>
    public const int MaxPatternFileLength = 16 * 1024 * 1024;

    private readonly DocumentTable<Design> _table = new(storage, TableDefinitions.Designs);

    public async Task<DesignPage> ListAsync(ProviderCaller caller, DesignQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(query);
        var conditions = new TableConditions()
            .AnyOf("Visibility", query.Visibility)
            .Compare("UpdatedAt", "gt", TableTime.Format(query.UpdatedAfter));
        var result = await _table.ListAsync(new TableListRequest(TableKeys.Tenant(caller.UserId), KeyRange.All, query.Page) { Conditions = conditions }, cancellationToken);
        return new DesignPage(query.Page.Page, query.Page.PageSize, result.Total, result.Items);
    }

    public Task<Stored<Design>?> GetAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return _table.GetAsync(KeyOf(caller, id), cancellationToken);
    }

    public async Task<Stored<Design>> SaveAsync(ProviderCaller caller, Design design, string? ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(design);
        var name = ContractValidation.RequireName(design.Name);
        var visibility = ContractValidation.OneOf(design.Visibility, "visibility", DesignVisibilities.IsKnown, DesignVisibilities.Private);
        if (design.PatternFile.Length > MaxPatternFileLength)
        {
            throw ProviderException.Invalid($"'patternFile' is larger than {MaxPatternFileLength} characters.");
        }

        var now = TableTime.Now(time);
        var id = ContractValidation.NewIdIfEmpty(design.Id);
        var key = KeyOf(caller, id);
        var mayExist = design.Id != Guid.Empty;
        while (true)
        {
            if (mayExist)
            {
                try
                {
                    return await _table.UpdateAsync(
                        key,
                        current => new(design with { Name = name, Visibility = visibility, UserId = caller.UserId, CreatedAt = current.Value.CreatedAt, UpdatedAt = now }),
                        ifMatch,
                        cancellationToken);
                }
                catch (ProviderException ex) when (ex.Kind == ProviderErrorKind.NotFound)
                {
                }
            }

            var created = design with { Id = id, Name = name, Visibility = visibility, UserId = caller.UserId, CreatedAt = now, UpdatedAt = now };
            try
            {
                return await _table.InsertAsync(key, new(created), cancellationToken);
            }
            catch (ProviderException ex) when (ex.Kind == ProviderErrorKind.Conflict && mayExist)
            {
                // Created meanwhile: replace it instead.
            }
        }
    }

    public async Task<bool> DeleteAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return await _table.DeleteAsync(KeyOf(caller, id), cancellationToken) is not null;
    }

    private static DocumentKey KeyOf(ProviderCaller caller, Guid id) => new(TableKeys.Tenant(caller.UserId), TableKeys.Id(id), id);
}
