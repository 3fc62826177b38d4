using Meshery.ExtensionPoints.Serving;
using Microsoft.AspNetCore.Http;

namespace Meshery.ExtensionPoints.Conformance.Tests.Support;

/// <summary>The caller the double's authentication middleware found for the request.</summary>
public sealed class BearerCallerResolver : IContractCallerResolver
{
    public const string ItemKey = "double.caller";

    public ProviderCaller? Resolve(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items[ItemKey] as ProviderCaller;
    }
}
