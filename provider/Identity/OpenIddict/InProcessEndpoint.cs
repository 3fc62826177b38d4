using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Server.AspNetCore;

namespace Meshery.Provider.Identity.OpenIddict;

/// <summary>
/// Sends a form request to one of OpenIddict's endpoints inside the process: a fresh
/// <see cref="HttpContext"/> (own service scope, same scheme and host as the caller's request) run
/// through OpenIddict's request handler, so Meshery's <c>/login</c>, <c>/refresh</c> and <c>/revoke</c>
/// get exactly what a client of <c>/connect/token</c> or <c>/connect/revoke</c> would, without a
/// network round trip to ourselves.
/// </summary>
public static class InProcessEndpoint
{
    public static async Task<InProcessAnswer> PostAsync(
        HttpContext caller, string route, IReadOnlyDictionary<string, string> form, ClaimsPrincipal? session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(form);
        await using var scope = caller.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        using var body = new MemoryStream();
        using (var content = new FormUrlEncodedContent(form))
        {
            await content.CopyToAsync(body, cancellationToken);
        }

        body.Position = 0;
        using var answer = new MemoryStream();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider, RequestAborted = cancellationToken };
        context.Request.Method = HttpMethods.Post;
        context.Request.Scheme = caller.Request.Scheme;
        context.Request.Host = caller.Request.Host;
        context.Request.PathBase = caller.Request.PathBase;
        context.Request.Path = "/" + route;
        context.Request.ContentType = "application/x-www-form-urlencoded";
        context.Request.ContentLength = body.Length;
        context.Request.Body = body;
        context.Response.Body = answer;
        context.Connection.RemoteIpAddress = caller.Connection.RemoteIpAddress;
        if (session is not null)
        {
            context.Items[TokenRequestHandler.SessionItem] = session;
        }

        var handlers = scope.ServiceProvider.GetRequiredService<IAuthenticationHandlerProvider>();
        if (await handlers.GetHandlerAsync(context, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme) is not IAuthenticationRequestHandler handler
            || !await handler.HandleRequestAsync())
        {
            throw new InvalidOperationException($"OpenIddict did not handle the in-process request to /{route}.");
        }

        var json = answer.ToArray();
        using var document = json.Length == 0 ? null : JsonDocument.Parse(json);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (document?.RootElement.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in document.RootElement.EnumerateObject())
            {
                values[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
            }
        }

        return new InProcessAnswer(context.Response.StatusCode, values);
    }
}
