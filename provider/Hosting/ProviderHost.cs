using Meshery.Provider.Auth;
using Meshery.Provider.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace Meshery.Provider.Hosting;

/// <summary>
/// The self-hosted provider: Kestrel over TLS (443 unless configured), the token scheme, and the
/// shared handlers. Certificates come from Kestrel's own configuration (<c>Kestrel:Certificates:Default</c>).
/// </summary>
public static class ProviderHost
{
    /// <summary>
    /// Log levels used unless configuration says otherwise (what the ASP.NET Core template's
    /// <c>appsettings.json</c> sets, kept in code so they hold whatever the content root is): at
    /// Information, ASP.NET Core writes several lines for every request, which costs each request CPU
    /// and blocks it once the console logger's queue is full.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> LoggingDefaults { get; } = new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",

        // OpenIddict's client logs whole requests and responses at Information, PKCE verifiers and state
        // tokens among them; its HTTP client logs each call.
        ["Logging:LogLevel:OpenIddict.Client"] = "Warning",
        ["Logging:LogLevel:System.Net.Http.HttpClient.OpenIddict"] = "Warning",
    };

    public static WebApplication Build(string[] args) => Build(args, configure: null);

    /// <summary>As <see cref="Build(string[])"/>, with <paramref name="configure"/> run on the builder last (tests' hooks).</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = LoggingDefaults });
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
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapMesheryProvider();
        app.MapSyncIngestion();
        if (identity)
        {
            app.MapMesheryIdentity();
        }

        return app;
    }
}
