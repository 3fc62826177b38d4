using Microsoft.Extensions.Options;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Meshery.Provider.Identity.OpenIddict;

/// <summary>
/// Adds the polling <c>interval</c> (RFC 8628 section 3.2) to a successful device authorization answer:
/// OpenIddict leaves it out, and clients then wait 5 s between polls whatever the provider prefers.
/// </summary>
public sealed class DeviceIntervalHandler(IOptions<IdentityServerOptions> options) : IOpenIddictServerHandler<ApplyDeviceAuthorizationResponseContext>
{
    public ValueTask HandleAsync(ApplyDeviceAuthorizationResponseContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (string.IsNullOrEmpty(context.Response.Error) && !string.IsNullOrEmpty(context.Response.DeviceCode))
        {
            var seconds = Math.Max(1, (long)Math.Ceiling(options.Value.DevicePollingInterval.TotalSeconds));
            context.Response[Parameters.Interval] = seconds;
        }

        return ValueTask.CompletedTask;
    }
}
