using System.Text.Json.Nodes;
using Meshery.Agent.Adapters.Hosting;
using Meshery.Agent.Adapters.Protos;
using Meshery.Deploy.Install;
using Meshery.Deploy.Manifests;
using Microsoft.Extensions.Options;

namespace Meshery.Agent.Adapters.Operations;

/// <summary>
/// <c>label-namespace</c> (CONFIGURE): sets the injection label to <c>enabled</c> on the request's namespace (created
/// when missing); delete_op removes the label.
/// </summary>
public sealed class LabelNamespaceOperation(IOptions<AdapterOptions> options) : IAdapterOperation
{
    public const string Name = "label-namespace";

    public string Key => Name;

    public string Description => "Automatic sidecar injection label on the namespace";

    public OpCategory Category => OpCategory.Configure;

    public string Title => "Namespace label";

    public IReadOnlyList<ManifestDocument> Prepare(OperationRequest request) => [];

    public async Task<IReadOnlyList<string>> RunAsync(OperationRequest request, IReadOnlyList<ManifestDocument> documents, ManifestApplier cluster, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(cluster);
        var label = options.Value.InjectionLabel;
        var ns = ManifestOperation.NamespaceDocument(request.Namespace);
        if (request.DeleteOp)
        {
            var patch = new JsonObject { ["metadata"] = new JsonObject { ["labels"] = new JsonObject { [label] = null } } };
            await cluster.MergePatchAsync(ns, patch, cancellationToken).ConfigureAwait(false);
            return [$"Namespace/{request.Namespace}: label {label} removed"];
        }

        ns.Body["metadata"]!["labels"] = new JsonObject { [label] = "enabled" };
        var applied = await cluster.ApplyAsync(ns, null, cancellationToken).ConfigureAwait(false);
        return [$"Namespace/{request.Namespace} {applied.Outcome.ToString().ToLowerInvariant()}: {label}=enabled"];
    }
}
