using System.Net;
using System.Net.Sockets;

namespace Meshery.Testing.Processes;

/// <summary>Readiness probes for <see cref="ManagedProcess.WaitUntilReadyAsync"/>.</summary>
public static class ReadinessProbe
{
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(2);

    // Probes talk to loopback only: never through a proxy from the environment.
    private static readonly HttpClient Http = new(new SocketsHttpHandler
    {
        UseProxy = false,
        PooledConnectionLifetime = TimeSpan.Zero,
    })
    {
        Timeout = AttemptTimeout,
    };

    /// <summary>Ready when a TCP connection to <paramref name="port"/> on 127.0.0.1 is accepted.</summary>
    public static Func<CancellationToken, ValueTask<bool>> TcpPort(int port) =>
        TcpPort(IPAddress.Loopback, port);

    /// <summary>Ready when a TCP connection to <paramref name="address"/>:<paramref name="port"/> is accepted.</summary>
    public static Func<CancellationToken, ValueTask<bool>> TcpPort(IPAddress address, int port)
    {
        ArgumentNullException.ThrowIfNull(address);
        return async cancellationToken =>
        {
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attempt.CancelAfter(AttemptTimeout);
            using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await socket.ConnectAsync(address, port, attempt.Token).ConfigureAwait(false);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return false;
            }
        };
    }

    /// <summary>Ready when a GET of <paramref name="uri"/> answers with a 2xx status.</summary>
    public static Func<CancellationToken, ValueTask<bool>> HttpOk(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return async cancellationToken =>
        {
            try
            {
                using var response = await Http.GetAsync(uri, cancellationToken).ConfigureAwait(false);
                return response.IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return false;
            }
        };
    }

    /// <summary>Ready when every one of <paramref name="probes"/> is ready.</summary>
    public static Func<CancellationToken, ValueTask<bool>> All(params Func<CancellationToken, ValueTask<bool>>[] probes)
    {
        ArgumentNullException.ThrowIfNull(probes);
        return async cancellationToken =>
        {
            foreach (var probe in probes)
            {
                if (!await probe(cancellationToken).ConfigureAwait(false))
                {
                    return false;
                }
            }

            return true;
        };
    }
}
