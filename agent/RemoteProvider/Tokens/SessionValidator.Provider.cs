using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Meshery.Agent.RemoteProvider.Tokens;

/// <summary>The provider's verdicts: <c>/introspect</c> answers reused briefly, <c>/refresh</c> shared by concurrent requests.</summary>
public sealed partial class SessionValidator
{
    private const int MaxRemembered = 10_000;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _introspected = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SharedRefresh> _refreshes = new(StringComparer.Ordinal);

    private async Task<bool> IsLiveAsync(string accessToken, CancellationToken cancellationToken)
    {
        var key = Fingerprint(accessToken);
        var now = time.GetUtcNow();
        if (_introspected.TryGetValue(key, out var until) && until > now)
        {
            return true;
        }

        if (!await client.IntrospectAsync(accessToken, cancellationToken))
        {
            _introspected.TryRemove(key, out _);
            return false;
        }

        var duration = options.Value.IntrospectionCacheDuration;
        if (duration > TimeSpan.Zero)
        {
            Prune(_introspected, now, static (v, n) => v <= n);
            _introspected[key] = now + duration;
        }

        return true;
    }

    /// <summary>
    /// One <c>/refresh</c> per cookie: requests that arrive together (or soon after) with the same expired
    /// cookie all get the one new token, because presenting a used refresh token again makes the provider
    /// revoke the whole session.
    /// </summary>
    private async Task<string?> RefreshSharedAsync(string cookie)
    {
        var key = Fingerprint(cookie);
        var now = time.GetUtcNow();
        var window = options.Value.RefreshSharingWindow;
        if (_refreshes.TryGetValue(key, out var old) && now - old.StartedAt > window)
        {
            _refreshes.TryRemove(new KeyValuePair<string, SharedRefresh>(key, old));
        }

        Prune(_refreshes, now, (v, n) => n - v.StartedAt > window);
        var shared = _refreshes.GetOrAdd(key, _ => new SharedRefresh(now, new Lazy<Task<string?>>(() => client.RefreshAsync(cookie, CancellationToken.None))));
        try
        {
            return await shared.Answer.Value;
        }
        catch (Meshery.ExtensionPoints.Errors.ProviderException)
        {
            // Unreachable: let the next request try again rather than share the failure.
            _refreshes.TryRemove(new KeyValuePair<string, SharedRefresh>(key, shared));
            throw;
        }
    }

    private static void Prune<T>(ConcurrentDictionary<string, T> entries, DateTimeOffset now, Func<T, DateTimeOffset, bool> isStale)
    {
        if (entries.Count < MaxRemembered)
        {
            return;
        }

        foreach (var (key, value) in entries)
        {
            if (isStale(value, now))
            {
                entries.TryRemove(key, out _);
            }
        }

        if (entries.Count >= MaxRemembered)
        {
            entries.Clear();
        }
    }

    private static string Fingerprint(string value) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    private sealed record SharedRefresh(DateTimeOffset StartedAt, Lazy<Task<string?>> Answer);
}
