using Meshery.ExtensionPoints.Capabilities;
using Microsoft.AspNetCore.Http;

namespace Meshery.Provider.Capabilities;

/// <summary>Public: Meshery servers fetch this before anyone signs in.</summary>
public static class CapabilityHandlers
{
    public static async Task<IResult> GetAsync(ICapabilitiesSource capabilities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        return TypedResults.Ok(await capabilities.GetCapabilitiesAsync(null, cancellationToken));
    }

    /// <summary><c>/{build}/capabilities</c>: the same document whatever Meshery build asks.</summary>
    public static Task<IResult> GetForBuildAsync(string build, ICapabilitiesSource capabilities, CancellationToken cancellationToken) =>
        GetAsync(capabilities, cancellationToken);
}
