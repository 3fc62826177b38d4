using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Meshery.Deploy.Kubernetes;
using Meshery.Deploy.Manifests;

namespace Meshery.Agent.Operator.Reconcile;

/// <summary>
/// The Broker's auth Secret, whose token the broker, MeshSync and the agent read. The token is generated once:
/// the Secret is created (never applied) with a fresh token, and a create that finds the Secret already there
/// takes the stored token instead. A token is only ever written into a Secret that has none, guarded by its
/// resourceVersion. So reconciles running at once (two replicas around a lease handover, a requeue beside a
/// watch event) agree on one token, and nothing reading the Secret ever sees it change.
/// </summary>
internal static class BrokerAuthSecret
{
    private const int Attempts = 5;

    private static readonly ResourceKind Secrets = ResourceKind.Of("v1", "Secret");

    /// <summary>Makes sure the Secret exists, holds a token and is owned by <paramref name="broker"/>; returns the stored Secret.</summary>
    public static async Task<JsonObject> EnsureAsync(KubeRest rest, JsonObject broker, string fieldManager, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rest);
        ArgumentNullException.ThrowIfNull(broker);
        var ns = (string?)broker["metadata"]?["namespace"];
        var path = Secrets.ObjectPath(ns, BrokerObjects.SecretName);
        for (var attempt = 1; ; attempt++)
        {
            JsonObject? secret = null;
            try
            {
                secret = await TryEnsureAsync(rest, broker, ns, path, fieldManager, cancellationToken).ConfigureAwait(false);
            }
            catch (KubeRestException e) when (e.StatusCode == HttpStatusCode.Conflict && attempt < Attempts)
            {
                // Another reconcile wrote the Secret between our read and our write: read it again.
            }

            if (secret is not null)
            {
                return secret;
            }

            if (attempt >= Attempts)
            {
                throw new KubeRestException(HttpStatusCode.Conflict, "Conflict", $"The Secret {path} kept changing while the operator wrote it.");
            }
        }
    }

    /// <summary>One read-then-write round; null when the Secret appeared or vanished under us and the round must be repeated.</summary>
    private static async Task<JsonObject?> TryEnsureAsync(KubeRest rest, JsonObject broker, string? ns, string path, string fieldManager, CancellationToken cancellationToken)
    {
        var wanted = BrokerObjects.Secret(broker, NewToken());
        var existing = await rest.GetAsync(path, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            return await rest.CreateAsync(Secrets.CollectionPath(ns), wanted, fieldManager, cancellationToken).ConfigureAwait(false);
        }

        var metadata = new JsonObject();
        if (!HasToken(existing))
        {
            var patch = new JsonObject { ["data"] = new JsonObject { [BrokerObjects.TokenKey] = wanted["data"]![BrokerObjects.TokenKey]!.DeepClone() } };
            return await PatchAsync(rest, path, existing, patch, fieldManager, cancellationToken).ConfigureAwait(false);
        }

        if (!Owned.IsOwnedBy(existing, (string?)broker["metadata"]?["uid"]))
        {
            metadata["ownerReferences"] = wanted["metadata"]!["ownerReferences"]!.DeepClone();
        }

        if (!JsonNode.DeepEquals(existing["metadata"]?["labels"], wanted["metadata"]!["labels"]))
        {
            metadata["labels"] = wanted["metadata"]!["labels"]!.DeepClone();
        }

        return metadata.Count == 0
            ? existing
            : await PatchAsync(rest, path, existing, new JsonObject { ["metadata"] = metadata }, fieldManager, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A merge patch that applies only to the version read (409 otherwise); null when the Secret is gone.</summary>
    private static async Task<JsonObject?> PatchAsync(KubeRest rest, string path, JsonObject existing, JsonObject patch, string fieldManager, CancellationToken cancellationToken)
    {
        var metadata = patch["metadata"] as JsonObject ?? new JsonObject();
        metadata["resourceVersion"] = (string?)existing["metadata"]?["resourceVersion"];
        patch["metadata"] = metadata;
        try
        {
            return await rest.MergePatchAsync(path, patch, fieldManager, cancellationToken).ConfigureAwait(false);
        }
        catch (KubeRestException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public static bool HasToken(JsonObject secret) =>
        (string?)secret["data"]?[BrokerObjects.TokenKey] is { Length: > 0 };

    private static string NewToken() =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24))));
}
