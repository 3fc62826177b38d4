namespace Meshery.Agent.MeshSync.Discovery;

/// <summary>What the store keeps per object: identity, resourceVersion and the encoded <c>KubernetesResource</c> JSON.</summary>
internal sealed record StoredResource(string Uid, string ResourceVersion, string Id, ReadOnlyMemory<byte> Json);
