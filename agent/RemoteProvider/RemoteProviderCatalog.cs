using Meshery.Agent.ServerStatus;
using Meshery.ExtensionPoints.Capabilities;
using Microsoft.Extensions.Options;

namespace Meshery.Agent.RemoteProvider;

/// <summary>
/// What the agent tells about its remote provider before anyone signs in: the capabilities document
/// loaded at start (without a token) once it arrived, under the configured name and address.
/// </summary>
public sealed class RemoteProviderCatalog(IOptions<RemoteModeOptions> options)
{
    private volatile CapabilitiesDocument? _loaded;

    /// <summary>The provider's own document, once loaded.</summary>
    public CapabilitiesDocument? Loaded
    {
        get => _loaded;
        set => _loaded = value;
    }

    /// <summary>The version this agent reports as a Meshery server (<c>meshery_version</c>, the capabilities path).</summary>
    public string ServerVersion => options.Value.ServerVersion is { Length: > 0 } configured ? configured : AgentBuild.Version;

    /// <summary>The entry of <c>GET /api/providers</c>: the loaded document (or a minimal one) named and located as configured.</summary>
    public CapabilitiesDocument Describe()
    {
        var remote = options.Value;
        var document = _loaded ?? new CapabilitiesDocument
        {
            ProviderDescription =
            [
                "Remote provider: sign in to keep designs, connections, environments and results with your account",
                "Reached at " + remote.ProviderAddress().GetLeftPart(UriPartial.Authority),
            ],
        };
        return document with
        {
            ProviderType = ProviderTypes.Remote,
            ProviderName = remote.Name,
            ProviderUrl = remote.ProviderAddress().ToString().TrimEnd('/'),
        };
    }
}
