using Meshery.ExtensionPoints.Http;
using Meshery.ExtensionPoints.Performance;
using Meshery.ExtensionPoints.Serving;
using Microsoft.AspNetCore.Http;

namespace Meshery.Agent.Performance;

/// <summary>Where Meshery server's performance routes differ from the Extension Points.</summary>
public static class PerformanceHandlers
{
    /// <summary>Creates a profile, or updates the one whose id the body names; Meshery server answers 200.</summary>
    public static Task<IResult> SaveProfileAsync(HttpContext context, IPerformanceProfileStore store, CancellationToken cancellationToken) =>
        ContractCall.RunAsync<PerformanceProfile>(context, async (caller, profile) =>
            ContractCall.Ok(context, await store.SaveAsync(caller, profile, Preconditions.IfMatch(context.Request), cancellationToken)));
}
