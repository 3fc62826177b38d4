using System.Net;
using System.Net.Sockets;

namespace Meshery.Testing.Network;

/// <summary>
/// Picks free TCP ports on the loopback interface. The port is free when picked; the caller binds
/// it soon after. Ports already handed out by this process are not handed out again.
/// </summary>
public static class FreePort
{
    private static readonly Lock Gate = new();
    private static readonly HashSet<int> HandedOut = [];

    /// <summary>A free port on 127.0.0.1.</summary>
    public static int Next()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            lock (Gate)
            {
                if (HandedOut.Add(port))
                {
                    return port;
                }
            }
        }
    }

    /// <summary><paramref name="count"/> distinct free ports on 127.0.0.1.</summary>
    public static IReadOnlyList<int> Next(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var ports = new int[count];
        for (var i = 0; i < count; i++)
        {
            ports[i] = Next();
        }

        return ports;
    }
}
