using System.Collections.Frozen;
using System.Security.Cryptography;
using Meshery.ExtensionPoints.Errors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Meshery.Agent.RemoteProvider.Tokens;

/// <summary>
/// The provider's public signing keys from <c>/keys</c>, kept for <see cref="RemoteModeOptions.KeysLifetime"/>.
/// A token with a <c>kid</c> not in the set makes one fetch (at most one per
/// <see cref="RemoteModeOptions.KeysRefetchInterval"/>, so random kids cannot flood the provider): that is
/// how a key rollover at the provider is picked up.
/// </summary>
public sealed class ProviderKeyCache(ProviderSessionClient client, IOptions<RemoteModeOptions> options, TimeProvider time, ILogger<ProviderKeyCache> logger)
    : IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private volatile Snapshot? _snapshot;

    /// <summary>The key with <paramref name="kid"/>, or null when the provider does not publish one.</summary>
    public async Task<SecurityKey?> FindAsync(string kid, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(kid);
        if (_snapshot is { } current && IsFresh(current) && current.Keys.TryGetValue(kid, out var known))
        {
            return known;
        }

        await _lock.WaitAsync(cancellationToken);
        try
        {
            var snapshot = _snapshot;
            if (snapshot is not null && IsFresh(snapshot) && snapshot.Keys.TryGetValue(kid, out known))
            {
                return known;
            }

            if (snapshot is null || !IsFresh(snapshot) || time.GetUtcNow() - snapshot.FetchedAt >= options.Value.KeysRefetchInterval)
            {
                snapshot = await FetchAsync(snapshot, cancellationToken);
            }

            return snapshot.Keys.TryGetValue(kid, out known) ? known : null;
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose() => _lock.Dispose();

    private bool IsFresh(Snapshot snapshot) => time.GetUtcNow() - snapshot.FetchedAt < options.Value.KeysLifetime;

    private async Task<Snapshot> FetchAsync(Snapshot? stale, CancellationToken cancellationToken)
    {
        ProviderKeySet set;
        try
        {
            set = await client.GetKeysAsync(cancellationToken);
        }
        catch (ProviderException) when (stale is not null)
        {
            // The provider is away: keep checking signatures with the keys it published last.
            return stale;
        }

        var keys = new Dictionary<string, SecurityKey>(StringComparer.Ordinal);
        foreach (var key in set.Keys)
        {
            if (ToSecurityKey(key) is { } usable)
            {
                keys[key.Kid!] = usable;
            }
        }

        var snapshot = new Snapshot(keys.ToFrozenDictionary(StringComparer.Ordinal), time.GetUtcNow());
        _snapshot = snapshot;
        RemoteModeLog.KeysFetched(logger, keys.Count, options.Value.ProviderAddress());
        return snapshot;
    }

    private static RsaSecurityKey? ToSecurityKey(ProviderKey key)
    {
        if (!string.Equals(key.Kty, "RSA", StringComparison.Ordinal) || string.IsNullOrEmpty(key.Kid)
            || string.IsNullOrEmpty(key.N) || string.IsNullOrEmpty(key.E))
        {
            return null;
        }

        try
        {
            var parameters = new RSAParameters { Modulus = Base64UrlEncoder.DecodeBytes(key.N), Exponent = Base64UrlEncoder.DecodeBytes(key.E) };
            return parameters.Modulus.Length * 8 < 2048 ? null : new RsaSecurityKey(parameters) { KeyId = key.Kid };
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private sealed record Snapshot(FrozenDictionary<string, SecurityKey> Keys, DateTimeOffset FetchedAt);
}
