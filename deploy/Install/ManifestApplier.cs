using System.Text.Json.Nodes;
using k8s;
using Meshery.Deploy.Kubernetes;
using Meshery.Deploy.Manifests;

namespace Meshery.Deploy.Install;

/// <summary>
/// Applies and deletes arbitrary manifest documents (any kind the cluster serves) with server-side apply, as
/// <c>kubectl apply -n</c> does: a namespaced object that names no namespace goes to the given one.
/// </summary>
/// <example>
/// <code>
/// var applier = new ManifestApplier(client);
/// foreach (var document in YamlManifestReader.Read(yaml))
/// {
///     var applied = await applier.ApplyAsync(document, "default", cancellationToken);
/// }
/// </code>
/// </example>
public sealed class ManifestApplier
{
    private readonly KubeRest _rest;
    private readonly ResourceKindResolver _kinds;
    private readonly BundleApplierOptions _options;

    public ManifestApplier(IKubernetes client, BundleApplierOptions? options = null)
    {
        _rest = new KubeRest(client);
        _kinds = new ResourceKindResolver(_rest);
        _options = options ?? new BundleApplierOptions();
    }

    /// <summary>Server-side applies <paramref name="document"/> and reports whether it was created, changed or left as it was.</summary>
    public async Task<AppliedObject> ApplyAsync(ManifestDocument document, string? defaultNamespace, CancellationToken cancellationToken)
    {
        var (placed, path) = await PlaceAsync(document, defaultNamespace, cancellationToken).ConfigureAwait(false);
        return await ApplyAtAsync(_rest, placed, path, _options.FieldManager, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the object <paramref name="document"/> names; false when it was already gone.</summary>
    public async Task<bool> DeleteAsync(ManifestDocument document, string? defaultNamespace, CancellationToken cancellationToken)
    {
        var (_, path) = await PlaceAsync(document, defaultNamespace, cancellationToken).ConfigureAwait(false);
        return await _rest.DeleteAsync(path, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The object as it is in the cluster now, or null.</summary>
    public async Task<JsonObject?> GetAsync(ManifestDocument document, string? defaultNamespace, CancellationToken cancellationToken)
    {
        var (_, path) = await PlaceAsync(document, defaultNamespace, cancellationToken).ConfigureAwait(false);
        return await _rest.GetAsync(path, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The JSON merge patch of the object <paramref name="document"/> names (a label change, say).</summary>
    public async Task<JsonObject> MergePatchAsync(ManifestDocument document, JsonObject patch, CancellationToken cancellationToken)
    {
        var (_, path) = await PlaceAsync(document, null, cancellationToken).ConfigureAwait(false);
        return await _rest.MergePatchAsync(path, patch, _options.FieldManager, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The apply both appliers share: read before, apply, compare resourceVersions.</summary>
    internal static async Task<AppliedObject> ApplyAtAsync(KubeRest rest, ManifestDocument document, string path, string fieldManager, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var before = await rest.GetAsync(path, cancellationToken).ConfigureAwait(false);
        var after = await rest.ApplyAsync(path, (JsonObject)document.Body.DeepClone(), fieldManager, cancellationToken).ConfigureAwait(false);
        var version = ResourceVersion(after);
        var outcome = before is null ? ApplyOutcome.Created
            : ResourceVersion(before) == version ? ApplyOutcome.Unchanged
            : ApplyOutcome.Configured;
        return new AppliedObject(document.Kind, document.Name, document.Namespace, outcome, version);
    }

    internal static string ResourceVersion(JsonObject obj) => (string?)obj["metadata"]?["resourceVersion"] ?? string.Empty;

    private async Task<(ManifestDocument Document, string Path)> PlaceAsync(ManifestDocument document, string? defaultNamespace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (string.IsNullOrEmpty(document.Name))
        {
            throw new NotSupportedException($"A {document.Kind} document has no metadata.name.");
        }

        var kind = await _kinds.ResolveAsync(document.ApiVersion, document.Kind, cancellationToken).ConfigureAwait(false);
        var placed = document;
        if (kind.Namespaced && string.IsNullOrEmpty(document.Namespace))
        {
            var ns = string.IsNullOrEmpty(defaultNamespace) ? "default" : defaultNamespace;
            var body = (JsonObject)document.Body.DeepClone();
            ((JsonObject)body["metadata"]!)["namespace"] = ns;
            placed = new ManifestDocument(body);
        }

        return (placed, kind.ObjectPath(kind.Namespaced ? placed.Namespace : null, placed.Name));
    }
}
