using System.Collections.Concurrent;
using Meshery.Agent.Adapters.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Meshery.Agent.MeshAdapters;

/// <summary>
/// The adapters the agent watches: the configured ones (and the adapter module of this process, when it is on) from
/// the start, and each location a user's <c>meshAdapters</c> preference names from the first time that user lists
/// adapters or sends an operation. Each gets a <see cref="MeshAdapterConnection"/>.
/// </summary>
public sealed class MeshAdapterRegistry(
    IOptions<MeshAdapterOptions> options,
    IServiceProvider services,
    AdapterEventRecorder recorder,
    TimeProvider time,
    ILogger<MeshAdapterRegistry> logger) : IHostedService, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, MeshAdapterConnection> _connections = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private List<string> _configured = [];

    /// <summary>Locations every user may use, normalized, in configuration order.</summary>
    public IReadOnlyList<string> Configured => _configured;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var configured = new List<string>();
        foreach (var text in options.Value.Locations)
        {
            if (AdapterLocation.TryNormalize(text, out var location, out var error))
            {
                configured.Add(location);
            }
            else
            {
                MeshAdapterLog.LocationIgnored(logger, text, error);
            }
        }

        // The adapter module of this very process, reached over loopback like any other adapter.
        if (services.GetService<AdapterServer>() is { Port: > 0 } own
            && AdapterLocation.TryNormalize($"{OwnHost(services.GetRequiredService<IOptions<AdapterOptions>>().Value.Host)}:{own.Port}", out var ownLocation, out _))
        {
            configured.Add(ownLocation);
        }

        _configured = [.. configured.Distinct(StringComparer.Ordinal)];
        foreach (var location in _configured)
        {
            Track(location);
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    /// <summary>The connection to <paramref name="location"/> (normalized), started on first use; null past <see cref="MeshAdapterOptions.MaxAdapters"/>.</summary>
    public MeshAdapterConnection? Track(string location)
    {
        if (_connections.TryGetValue(location, out var known))
        {
            return known;
        }

        lock (_gate)
        {
            if (_connections.TryGetValue(location, out known))
            {
                return known;
            }

            if (_stopping.IsCancellationRequested)
            {
                return null;
            }

            if (_connections.Count >= options.Value.MaxAdapters)
            {
                MeshAdapterLog.TooManyAdapters(logger, location, options.Value.MaxAdapters);
                return null;
            }

            var connection = new MeshAdapterConnection(location, options.Value, recorder, time, logger, _stopping.Token);
            _connections[location] = connection;
            connection.Start();
            return connection;
        }
    }

    private static string OwnHost(string host) =>
        host is "*" or "+" or "0.0.0.0" || string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) ? "localhost"
        : host == "::" ? "[::1]"
        : host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host;

    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        lock (_gate)
        {
            _stopping.Cancel();
        }

        foreach (var connection in _connections.Values)
        {
            await connection.DisposeAsync();
        }

        _connections.Clear();
    }
}
