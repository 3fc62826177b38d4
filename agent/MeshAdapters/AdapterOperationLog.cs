using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Meshery.Agent.MeshAdapters;

/// <summary>
/// Who started which adapter operation: an adapter's events name only the operation id, and this is how they reach
/// the user who asked. Kept in memory for <see cref="MeshAdapterOptions.OperationRetention"/>, at most
/// <see cref="MeshAdapterOptions.MaxOperations"/> (oldest dropped first).
/// </summary>
public sealed class AdapterOperationLog(IOptions<MeshAdapterOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, AdapterOperation> _operations = new(StringComparer.OrdinalIgnoreCase);

    public void Record(AdapterOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        _operations[operation.Id.ToString()] = operation;
        if (_operations.Count > options.Value.MaxOperations)
        {
            Trim();
        }
    }

    public AdapterOperation? Find(string operationId)
    {
        if (!_operations.TryGetValue(operationId, out var operation))
        {
            return null;
        }

        if (time.GetUtcNow() - operation.StartedAt <= options.Value.OperationRetention)
        {
            return operation;
        }

        _operations.TryRemove(operationId, out _);
        return null;
    }

    public void Forget(Guid operationId) => _operations.TryRemove(operationId.ToString(), out _);

    private void Trim()
    {
        var cutoff = time.GetUtcNow() - options.Value.OperationRetention;
        foreach (var stale in _operations.Values.Where(o => o.StartedAt < cutoff).Select(o => o.Id).ToList())
        {
            Forget(stale);
        }

        var excess = _operations.Count - options.Value.MaxOperations;
        foreach (var oldest in _operations.Values.OrderBy(o => o.StartedAt).Take(Math.Max(0, excess)).Select(o => o.Id).ToList())
        {
            Forget(oldest);
        }
    }
}
