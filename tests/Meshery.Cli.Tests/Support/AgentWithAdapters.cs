using System.Globalization;
using Meshery.Testing.Network;

namespace Meshery.Cli.Tests.Support;

/// <summary>
/// The agent serving its own adapter (gRPC on a free port) and configured with a second adapter location
/// where nothing listens, so one adapter is live and one is down.
/// </summary>
public sealed class AgentWithAdapters : InProcessAgent
{
    public AgentWithAdapters()
        : base(port => new Dictionary<string, string>
        {
            ["Meshery:Agent:Modules:Adapters"] = "true",
            ["Meshery:Adapter:Host"] = "127.0.0.1",
            ["Meshery:Adapter:Port"] = "0",
            ["Meshery:Adapter:ServerUrl"] = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"),
            ["Meshery:Adapter:ServiceAddress"] = "127.0.0.1",
            ["Meshery:Agent:Adapters:Locations:0"] = DownLocation,
        })
    {
    }

    /// <summary>An adapter location nothing listens on.</summary>
    public static string DownLocation { get; } = string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{FreePort.Next()}");
}
