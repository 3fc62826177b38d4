using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Meshery.Agent.Operator.LeaderElection;

/// <summary>
/// Leader election over a <c>coordination.k8s.io</c> Lease: a replica holds it while it renews within the lease
/// duration; another takes it only once it has expired. Writes are optimistic (resourceVersion), so two replicas
/// never both win the same round.
/// </summary>
public sealed class LeaseElector(IKubernetes client, string @namespace, string leaseName, string identity, TimeSpan leaseDuration, TimeProvider time)
{
    public string Identity { get; } = identity;

    /// <summary>Takes or renews the lease; true when this replica holds it afterwards.</summary>
    public async Task<bool> TryAcquireOrRenewAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var lease = await ReadAsync(cancellationToken).ConfigureAwait(false);
        if (lease is null)
        {
            try
            {
                await client.CoordinationV1.CreateNamespacedLeaseAsync(NewLease(now, transitions: 0), @namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict)
            {
                return false;
            }
        }

        var spec = lease.Spec ??= new V1LeaseSpec();
        var holder = spec.HolderIdentity;
        var renewed = Utc(spec.RenewTime ?? spec.AcquireTime ?? DateTime.MinValue);
        var duration = TimeSpan.FromSeconds(spec.LeaseDurationSeconds ?? (int)leaseDuration.TotalSeconds);
        var mine = holder == Identity;
        if (!mine && !string.IsNullOrEmpty(holder) && renewed + duration > now)
        {
            return false;
        }

        if (!mine)
        {
            spec.HolderIdentity = Identity;
            spec.AcquireTime = now;
            spec.LeaseTransitions = (spec.LeaseTransitions ?? 0) + 1;
        }

        spec.RenewTime = now;
        spec.LeaseDurationSeconds = (int)Math.Ceiling(leaseDuration.TotalSeconds);
        try
        {
            await client.CoordinationV1.ReplaceNamespacedLeaseAsync(lease, leaseName, @namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict)
        {
            return false;
        }
    }

    /// <summary>Gives the lease up when this replica holds it (an empty holder lets the next replica take it at once).</summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        var lease = await ReadAsync(cancellationToken).ConfigureAwait(false);
        if (lease?.Spec?.HolderIdentity != Identity)
        {
            return;
        }

        lease.Spec.HolderIdentity = null;
        lease.Spec.RenewTime = null;
        try
        {
            await client.CoordinationV1.ReplaceNamespacedLeaseAsync(lease, leaseName, @namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.NotFound)
        {
            // someone else has it now, or it is gone: nothing to give up
        }
    }

    private static DateTime Utc(DateTime time) => time.Kind switch
    {
        DateTimeKind.Local => time.ToUniversalTime(),
        DateTimeKind.Unspecified => DateTime.SpecifyKind(time, DateTimeKind.Utc),
        _ => time,
    };

    private async Task<V1Lease?> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await client.CoordinationV1.ReadNamespacedLeaseAsync(leaseName, @namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private V1Lease NewLease(DateTime now, int transitions) => new()
    {
        ApiVersion = "coordination.k8s.io/v1",
        Kind = "Lease",
        Metadata = new V1ObjectMeta { Name = leaseName, NamespaceProperty = @namespace },
        Spec = new V1LeaseSpec
        {
            HolderIdentity = Identity,
            AcquireTime = now,
            RenewTime = now,
            LeaseDurationSeconds = (int)Math.Ceiling(leaseDuration.TotalSeconds),
            LeaseTransitions = transitions,
        },
    };
}
