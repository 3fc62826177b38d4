using System.Text.Json.Nodes;
using k8s;
using Meshery.Deploy.Kubernetes;
using Meshery.Deploy.Manifests;

namespace Meshery.Deploy.Install;

/// <summary>
/// Installs, inspects and removes an <see cref="InstallBundle"/> through KubernetesClient with server-side apply.
/// Applying twice changes nothing the second time.
/// </summary>
/// <example>
/// <code>
/// using var client = new k8s.Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile());
/// var applier = new BundleApplier(client);
/// var bundle = InstallBundle.Load();
/// await applier.ApplyAsync(bundle, progress: null, cancellationToken);
/// var states = await applier.GetStatusAsync(bundle, cancellationToken);
/// await applier.RemoveAsync(bundle, new BundleRemoveOptions { KeepNamespace = true }, cancellationToken);
/// </code>
/// </example>
public sealed partial class BundleApplier
{
    /// <summary>Label the operator puts on everything it creates (used to clean up when no operator runs).</summary>
    public const string ManagedByLabel = "app.kubernetes.io/managed-by";

    public const string OperatorManager = "meshery-operator";

    private readonly KubeRest _rest;
    private readonly BundleApplierOptions _options;

    public BundleApplier(IKubernetes client, BundleApplierOptions? options = null)
    {
        _rest = new KubeRest(client);
        _options = options ?? new BundleApplierOptions();
    }

    /// <summary>Applies every document in order, waiting for the CRDs to be established before the custom resources.</summary>
    public async Task<IReadOnlyList<AppliedObject>> ApplyAsync(InstallBundle bundle, IProgress<AppliedObject>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        var applied = new List<AppliedObject>();
        foreach (var document in bundle.Documents)
        {
            if (document.ApiVersion.StartsWith(MesheryKinds.Group + "/", StringComparison.Ordinal))
            {
                await WaitEstablishedAsync(bundle, cancellationToken).ConfigureAwait(false);
            }

            var result = await ApplyAsync(document, cancellationToken).ConfigureAwait(false);
            applied.Add(result);
            progress?.Report(result);
        }

        return applied;
    }

    /// <summary>Server-side applies one document and reports whether it was created, changed or left as it was.</summary>
    public Task<AppliedObject> ApplyAsync(ManifestDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        return ManifestApplier.ApplyAtAsync(_rest, document, document.Path, _options.FieldManager, cancellationToken);
    }

    private async Task WaitEstablishedAsync(InstallBundle bundle, CancellationToken cancellationToken)
    {
        var deadline = _options.TimeProvider.GetUtcNow() + _options.EstablishTimeout;
        foreach (var crd in bundle.CustomResourceDefinitions)
        {
            while (!IsEstablished(await _rest.GetAsync(crd.Path, cancellationToken).ConfigureAwait(false)))
            {
                if (_options.TimeProvider.GetUtcNow() >= deadline)
                {
                    throw new TimeoutException($"The CRD {crd.Name} was not established within {_options.EstablishTimeout}.");
                }

                await Task.Delay(_options.PollInterval, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static bool IsEstablished(JsonObject? crd) =>
        crd?["status"]?["conditions"] is JsonArray conditions
        && conditions.OfType<JsonObject>().Any(c => (string?)c["type"] == "Established" && (string?)c["status"] == "True");
}
