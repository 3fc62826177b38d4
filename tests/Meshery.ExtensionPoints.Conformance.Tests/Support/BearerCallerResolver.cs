using Meshery.Agent.Providers;
using Meshery.ExtensionPoints;
using Microsoft.AspNetCore.Http;

namespace Meshery.ExtensionPoints.Conformance.Tests.Support;

/// <summary>The caller the authentication middleware found for the request.</summary>
public sealed class BearerCallerResolver : IProviderCallerResolver
{
    public const string ItemKey = "double.caller";

    public ProviderCaller Resolve(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items[ItemKey] as ProviderCaller ?? throw new InvalidOperationException("the request was not authenticated");
    }
}
