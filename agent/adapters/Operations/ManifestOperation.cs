using System.Text.Json.Nodes;
using Meshery.Agent.Adapters.Protos;
using Meshery.Deploy.Install;
using Meshery.Deploy.Manifests;
using YamlDotNet.Core;

namespace Meshery.Agent.Adapters.Operations;

/// <summary>
/// An operation that applies a set of manifest documents into the request's namespace (created when missing), or
/// deletes them in reverse order with delete_op.
/// </summary>
public abstract class ManifestOperation : IAdapterOperation
{
    public abstract string Key { get; }

    public abstract string Description { get; }

    public abstract OpCategory Category { get; }

    public abstract string Title { get; }

    public abstract IReadOnlyList<ManifestDocument> Prepare(OperationRequest request);

    public async Task<IReadOnlyList<string>> RunAsync(OperationRequest request, IReadOnlyList<ManifestDocument> documents, ManifestApplier cluster, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(cluster);
        var lines = new List<string>(documents.Count + 1);
        if (request.DeleteOp)
        {
            foreach (var document in documents.Reverse())
            {
                var deleted = await cluster.DeleteAsync(document, request.Namespace, cancellationToken).ConfigureAwait(false);
                lines.Add($"{document} {(deleted ? "deleted" : "was already gone")}");
            }

            return lines;
        }

        var ns = NamespaceDocument(request.Namespace);
        if (await cluster.GetAsync(ns, null, cancellationToken).ConfigureAwait(false) is null)
        {
            await cluster.ApplyAsync(ns, null, cancellationToken).ConfigureAwait(false);
            lines.Add($"Namespace/{request.Namespace} created");
        }

        foreach (var document in documents)
        {
            var applied = await cluster.ApplyAsync(document, request.Namespace, cancellationToken).ConfigureAwait(false);
            lines.Add($"{document} {applied.Outcome.ToString().ToLowerInvariant()}");
        }

        return lines;
    }

    /// <summary>Reads multi-document YAML; a parse error or a document without apiVersion, kind or name is refused.</summary>
    protected static IReadOnlyList<ManifestDocument> ReadYaml(string yaml, string what)
    {
        IReadOnlyList<ManifestDocument> documents;
        try
        {
            documents = YamlManifestReader.Read(yaml);
        }
        catch (YamlException ex)
        {
            throw new InvalidManifestException($"{what} is not valid YAML (line {ex.Start.Line}, column {ex.Start.Column}): {ex.Message}", ex);
        }

        if (documents.Count == 0)
        {
            throw new InvalidManifestException($"{what} holds no Kubernetes object.");
        }

        foreach (var document in documents)
        {
            if (document.ApiVersion.Length == 0 || document.Kind.Length == 0 || document.Name.Length == 0)
            {
                throw new InvalidManifestException($"{what} has a document without apiVersion, kind or metadata.name.");
            }
        }

        return documents;
    }

    internal static ManifestDocument NamespaceDocument(string name) =>
        new(new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = name } });
}
