using System.Text.Json.Nodes;
using Meshery.Testing.Kubernetes.Http;

namespace Meshery.Testing.Kubernetes.Storage;

internal enum WriteAction
{
    Fail,
    Keep,
    Store,
    Remove,
}

/// <summary>What a write wants done with the current object, decided under the store lock.</summary>
internal readonly record struct WriteDecision(WriteAction Action, JsonObject? Object = null, KubeStatus? Status = null)
{
    public static WriteDecision Keep => new(WriteAction.Keep);

    public static WriteDecision Fail(KubeStatus status) => new(WriteAction.Fail, Status: status);

    public static WriteDecision Store(JsonObject obj) => new(WriteAction.Store, obj);

    /// <summary>Removes the object; <paramref name="lastState"/> (if given) is what the DELETED event carries.</summary>
    public static WriteDecision Remove(JsonObject? lastState = null) => new(WriteAction.Remove, lastState);
}

/// <summary>The outcome of <see cref="ObjectStore.Write"/>.</summary>
internal readonly record struct WriteResult(StoredObject? Object, KubeStatus? Error, bool Created, bool Removed);

/// <summary>Told about committed writes, under the store lock (CRDs, namespace deletion).</summary>
internal interface IStoreObserver
{
    void Stored(Discovery.ResourceType type, JsonObject obj);

    void Removed(Discovery.ResourceType type, JsonObject obj);
}
