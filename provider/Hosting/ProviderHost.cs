using Meshery.Provider.Auth;
using Meshery.Provider.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Meshery.Provider.Hosting;

/// <summary>
/// The self-hosted provider: Kestrel over TLS (443 unless configured), the token scheme, and the
/// shared handlers. Certificates come from Kestrel's own configuration (<c>Kestrel:Certificates:Default</c>).
/// </summary>
public static class ProviderHost
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddMesheryProvider();
        var identity = builder.Configuration.IsIdentityConfigured();
        if (identity)
        {
            builder.AddMesheryIdentity();
        }

        var limits = builder.Configuration.GetSection(ProviderOptions.Section).Get<ProviderOptions>() ?? new ProviderOptions();
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey])
            && !builder.Configuration.GetSection("Kestrel:Endpoints").Exists())
        {
            builder.WebHost.UseUrls("https://*:443");
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = limits.MaxRequestBodyBytes;
        });
        builder.Services.AddAuthentication(ProviderClaims.Scheme)
            .AddScheme<AuthenticationSchemeOptions, MesheryTokenAuthenticationHandler>(ProviderClaims.Scheme, configureOptions: null);
        builder.Services.AddAuthorization();

        var app = builder.Build();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapMesheryProvider();
        if (identity)
        {
            app.MapMesheryIdentity();
        }

        return app;
    }
}
