using System.Net;
using System.Net.Sockets;
using Meshery.Testing.Network;

namespace Meshery.Testing.Tests.Network;

public sealed class FreePortTests
{
    [Fact]
    public void PortsAreDistinctAndBindable()
    {
        var ports = FreePort.Next(5);

        Assert.Equal(ports.Count, ports.Distinct().Count());
        foreach (var port in ports)
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
        }
    }
}
