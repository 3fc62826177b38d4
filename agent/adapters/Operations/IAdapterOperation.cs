using Meshery.Agent.Adapters.Protos;
using Meshery.Deploy.Install;
using Meshery.Deploy.Manifests;

namespace Meshery.Agent.Adapters.Operations;

/// <summary>One operation the adapter offers (a <c>SupportedOperation</c>) and how it runs on a cluster.</summary>
public interface IAdapterOperation
{
    /// <summary><c>SupportedOperation.key</c>, the <c>opName</c> the server sends.</summary>
    string Key { get; }

    /// <summary><c>SupportedOperation.value</c>.</summary>
    string Description { get; }

    OpCategory Category { get; }

    /// <summary>What the events call the operation's object ("Custom YAML", "httpbin sample application").</summary>
    string Title { get; }

    /// <summary>Reads what the operation needs from the request before any cluster is touched; <see cref="InvalidManifestException"/> when it cannot.</summary>
    IReadOnlyList<ManifestDocument> Prepare(OperationRequest request);

    /// <summary>Applies (or, with delete_op, undoes) the operation on one cluster; returns one line per object touched.</summary>
    Task<IReadOnlyList<string>> RunAsync(OperationRequest request, IReadOnlyList<ManifestDocument> documents, ManifestApplier cluster, CancellationToken cancellationToken);
}
