using Meshery.Agent.Adapters.Protos;

namespace Meshery.Agent.Adapters.Operations;

/// <summary>The operations this adapter offers, by key, in the order <c>SupportedOperations</c> lists them.</summary>
public sealed class OperationCatalog
{
    private readonly Dictionary<string, IAdapterOperation> _byKey;

    public OperationCatalog(IEnumerable<IAdapterOperation> operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        All = [.. operations];
        _byKey = All.ToDictionary(o => o.Key, StringComparer.Ordinal);
    }

    public IReadOnlyList<IAdapterOperation> All { get; }

    public IAdapterOperation? Find(string key) => _byKey.GetValueOrDefault(key);

    public IEnumerable<SupportedOperation> Supported() =>
        All.Select(o => new SupportedOperation { Key = o.Key, Value = o.Description, Category = o.Category });
}
