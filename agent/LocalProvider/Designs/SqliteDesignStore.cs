using Meshery.Agent.LocalProvider.Storage;
using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Designs;
using Meshery.ExtensionPoints.Errors;
using Meshery.ExtensionPoints.Validation;

namespace Meshery.Agent.LocalProvider.Designs;

/// <summary>Designs in SQLite, the pattern file kept as text inside the document.</summary>
public sealed class SqliteDesignStore(LocalDatabase database, TimeProvider time) : IDesignStore
{
    /// <summary>Largest pattern file accepted (the agent's request body limit is the outer bound).</summary>
    public const int MaxPatternFileLength = 16 * 1024 * 1024;

    private readonly DocumentTable<Design> _table = new(database, LocalTables.Designs);

    public async Task<DesignPage> ListAsync(ProviderCaller caller, DesignQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(query);
        var filter = new SqlFilter().In("visibility", [.. query.Visibility]);
        if (query.UpdatedAfter is { } after)
        {
            filter.Where("updated_at > $after", ("$after", SqliteTime.Format(after)));
        }

        var (items, total) = await _table.ListAsync(caller.UserId, query.Page, filter, cancellationToken);
        return new DesignPage(query.Page.Page, query.Page.PageSize, total, items);
    }

    public Task<Stored<Design>?> GetAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return _table.GetAsync(caller.UserId, id, cancellationToken);
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

        var now = SqliteTime.Now(time);
        if (design.Id != Guid.Empty && await _table.GetAsync(caller.UserId, design.Id, cancellationToken) is not null)
        {
            return await _table.UpdateAsync(
                caller.UserId,
                design.Id,
                current => design with { Name = name, Visibility = visibility, UserId = caller.UserId, CreatedAt = current.CreatedAt, UpdatedAt = now },
                ifMatch,
                now,
                cancellationToken);
        }

        var created = design with
        {
            Id = ContractValidation.NewIdIfEmpty(design.Id),
            Name = name,
            Visibility = visibility,
            UserId = caller.UserId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        return await _table.InsertAsync(caller.UserId, created.Id, created, now, cancellationToken);
    }

    public async Task<bool> DeleteAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return await _table.DeleteAsync(caller.UserId, id, cancellationToken) is not null;
    }
}
