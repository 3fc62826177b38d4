using Microsoft.AspNetCore.Http;

namespace Meshery.ExtensionPoints.Conformance.Tests.Support;

/// <summary>Applies <see cref="ProviderDoubleFaults"/> around the conformant handlers.</summary>
public sealed class DoubleFaultInjection(RequestDelegate next, ProviderDoubleFaults faults)
{
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (faults.IgnoreIfMatch)
        {
            context.Request.Headers.Remove("If-Match");
        }

        if (faults.EnvironmentCreateStatus is { } status
            && HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Equals("/api/environments", StringComparison.Ordinal))
        {
            context.Response.OnStarting(() =>
            {
                if (context.Response.StatusCode == StatusCodes.Status201Created)
                {
                    context.Response.StatusCode = status;
                }

                return Task.CompletedTask;
            });
        }

        return next(context);
    }
}
