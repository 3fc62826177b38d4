using System.Text.Json;

namespace Meshery.Agent.MeshSync.Discovery;

/// <summary>Receives an informer's changes in order: the store is already updated when it is called.</summary>
internal interface IInformerSink
{
    /// <summary>A changed object (ADDED, MODIFIED or DELETED); <paramref name="raw"/> is the object as the API server sent it.</summary>
    ValueTask OnChangeAsync(ResourceInformer informer, string eventType, StoredResource resource, JsonElement raw, CancellationToken cancellationToken);

    /// <summary>The informer finished a list (the first one, or a re-list after 410 or a failure).</summary>
    void OnListed(ResourceInformer informer);
}
