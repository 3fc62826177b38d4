namespace Meshery.Agent.MeshSync.Discovery;

/// <summary>One object as handed on: identity, resourceVersion and the encoded <c>KubernetesResource</c> JSON.</summary>
internal sealed record StoredResource(string Uid, string ResourceVersion, ReadOnlyMemory<byte> Json);
