using System.Text.Json;
using Meshery.Provider.Hosting;
using Meshery.Provider.Tests.Support;
using Meshery.Testing.Provider;
using Meshery.Testing.Tokens;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Meshery.Provider.Tests.Hosting;

/// <summary>
/// The Functions app loads exactly the routes the ASP.NET Core host maps, and the provider's
/// OpenAPI document names exactly those operations.
/// </summary>
[Collection(ProviderFunctionsCollection.Name)]
public sealed class RouteParityTests(ProviderFunctionsFixture functions)
{
    [Fact]
    public async Task The_functions_and_the_host_serve_the_same_routes()
    {
        var host = await HostOperationsAsync();
        var loaded = functions.Host.Functions
            .SelectMany(f => f.Methods.Select(m => $"{m.ToUpperInvariant()} /{f.Route}"))
            .ToHashSet(StringComparer.Ordinal);

        Assert.True(host.Count >= 50, $"only {host.Count} host routes");
        Assert.Empty(host.Except(loaded).Order());
        Assert.Empty(loaded.Except(host).Order());
    }

    [Fact]
    public async Task The_openapi_document_names_every_route_and_no_other()
    {
        var host = await HostOperationsAsync();
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(
            Path.Combine(AppContext.BaseDirectory, "openapi", "meshery-provider.openapi.json"), TestContext.Current.CancellationToken));
        var documented = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(m => $"{m.Name.ToUpperInvariant()} {p.Name}"))
            .ToHashSet(StringComparer.Ordinal);

        Assert.Empty(host.Except(documented).Order());
        Assert.Empty(documented.Except(host).Order());
    }

    private static async Task<HashSet<string>> HostOperationsAsync()
    {
        using var tokens = new TestTokenIssuer();
        var args = tokens.ProviderSettings().Select(kv => $"--{kv.Key}={kv.Value}")
            .Append("--urls=https://127.0.0.1:0")
            .Append("--Meshery:Provider:Storage:ConnectionString=UseDevelopmentStorage=true")
            .ToArray();
        await using var app = ProviderHost.Build(args);
        return ((IEndpointRouteBuilder)app).DataSources
            .SelectMany(d => d.Endpoints)
            .OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} /{e.RoutePattern.RawText!.TrimStart('/')}"))
            .ToHashSet(StringComparer.Ordinal);
    }
}
