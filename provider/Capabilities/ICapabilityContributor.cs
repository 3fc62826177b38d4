using Meshery.ExtensionPoints.Capabilities;

namespace Meshery.Provider.Capabilities;

/// <summary>A feature served only by some hosts or configurations (the sign-in server's), added to the capabilities document when on.</summary>
public interface ICapabilityContributor
{
    IEnumerable<Capability> Capabilities { get; }
}
