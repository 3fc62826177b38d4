using System.Text.Json.Nodes;
using Meshery.Deploy.Manifests;

namespace Meshery.Deploy.Install;

public sealed partial class BundleApplier
{
    private static readonly ResourceKind[] OperatorChildKinds =
    [
        ResourceKind.Of("apps/v1", "Deployment"),
        ResourceKind.Of("apps/v1", "StatefulSet"),
        ResourceKind.Of("v1", "Service"),
        ResourceKind.Of("v1", "ConfigMap"),
        ResourceKind.Of("v1", "Secret"),
    ];

    /// <summary>
    /// Removes the bundle in reverse order. Broker and MeshSync go first so the operator can clean up what it made;
    /// if their finalizers are still there after <see cref="BundleRemoveOptions.FinalizerTimeout"/> (no operator
    /// running), the finalizers are dropped and the operator's objects deleted by label. Returns what was deleted.
    /// </summary>
    public async Task<IReadOnlyList<ManifestDocument>> RemoveAsync(InstallBundle bundle, BundleRemoveOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        options ??= new BundleRemoveOptions();
        var removed = new List<ManifestDocument>();
        var custom = bundle.Documents.Where(d => d.ApiVersion.StartsWith(MesheryKinds.Group + "/", StringComparison.Ordinal)).ToList();
        foreach (var document in custom.AsEnumerable().Reverse())
        {
            if (await _rest.DeleteAsync(document.Path, cancellationToken).ConfigureAwait(false))
            {
                removed.Add(document);
            }
        }

        await AwaitFinalizersAsync(custom, options.FinalizerTimeout, cancellationToken).ConfigureAwait(false);
        foreach (var document in bundle.Documents.Except(custom).Reverse())
        {
            if (document.Kind == "Namespace" && options.KeepNamespace)
            {
                continue;
            }

            if (await _rest.DeleteAsync(document.Path, cancellationToken).ConfigureAwait(false))
            {
                removed.Add(document);
            }
        }

        return removed;
    }

    private async Task AwaitFinalizersAsync(List<ManifestDocument> custom, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = _options.TimeProvider.GetUtcNow() + timeout;
        var left = custom;
        while (true)
        {
            var next = new List<ManifestDocument>();
            foreach (var document in left)
            {
                if (await _rest.GetAsync(document.Path, cancellationToken).ConfigureAwait(false) is not null)
                {
                    next.Add(document);
                }
            }

            left = next;
            if (left.Count == 0)
            {
                return;
            }

            if (_options.TimeProvider.GetUtcNow() >= deadline)
            {
                break;
            }

            await Task.Delay(_options.PollInterval, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
        }

        // No operator finished the cleanup: do it here.
        foreach (var document in left)
        {
            var patch = new JsonObject { ["metadata"] = new JsonObject { ["finalizers"] = null } };
            try
            {
                await _rest.MergePatchAsync(document.Path, patch, _options.FieldManager, cancellationToken).ConfigureAwait(false);
            }
            catch (Kubernetes.KubeRestException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                // gone meanwhile
            }
        }

        foreach (var ns in left.Select(d => d.Namespace).Distinct())
        {
            foreach (var kind in OperatorChildKinds)
            {
                var list = await _rest.ListAsync(kind.CollectionPath(ns), $"{ManagedByLabel}={OperatorManager}", cancellationToken).ConfigureAwait(false);
                foreach (var item in (list["items"] as JsonArray ?? []).OfType<JsonObject>())
                {
                    await _rest.DeleteAsync(kind.ObjectPath(ns, (string?)item["metadata"]?["name"] ?? string.Empty), cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }
}
