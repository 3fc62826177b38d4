using System.Text.Json;
using System.Text.RegularExpressions;
using Meshery.Agent.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Meshery.Agent.Tests.OpenApi;

/// <summary>The agent's OpenAPI document, kept in the repo, names exactly the routes the agent maps.</summary>
public sealed partial class AgentOpenApiDocumentTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "meshery-openapi-" + Guid.NewGuid().ToString("N"));
    private WebApplication? _app;

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _app = AgentApplication.Build(["--urls", "http://127.0.0.1:0", $"--Meshery:LocalProvider:DatabasePath={Path.Combine(_folder, "db.sql")}"]);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Documented_operations_are_the_mapped_routes()
    {
        var mapped = MappedOperations(_app!);
        var documented = DocumentedOperations(LoadDocument());

        Assert.True(mapped.Count >= 30, $"only {mapped.Count} routes were found");
        Assert.Empty(mapped.Except(documented).Order());
        Assert.Empty(documented.Except(mapped).Order());
    }

    [Fact]
    public void Every_reference_resolves_and_every_operation_answers_problem_details_when_unavailable()
    {
        using var document = LoadDocument();
        var root = document.RootElement;
        var text = root.GetRawText();
        foreach (Match match in RefPattern().Matches(text))
        {
            var (section, name) = (match.Groups[1].Value, match.Groups[2].Value);
            Assert.True(root.GetProperty("components").GetProperty(section).TryGetProperty(name, out _), $"unresolved $ref {section}/{name}");
        }

        foreach (var path in root.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                Assert.True(operation.Value.TryGetProperty("operationId", out _), $"{operation.Name} {path.Name} has no operationId");
                Assert.True(operation.Value.GetProperty("responses").EnumerateObject().Any(), $"{operation.Name} {path.Name} has no responses");
            }
        }
    }

    private static JsonDocument LoadDocument()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "openapi", "meshery-agent.openapi.json");
        return JsonDocument.Parse(File.ReadAllText(path));
    }

    private static HashSet<string> DocumentedOperations(JsonDocument document)
    {
        using (document)
        {
            var operations = new HashSet<string>(StringComparer.Ordinal);
            foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
            {
                foreach (var method in path.Value.EnumerateObject())
                {
                    operations.Add($"{method.Name.ToUpperInvariant()} {Normalize(path.Name)}");
                }
            }

            return operations;
        }
    }

    private static HashSet<string> MappedOperations(WebApplication app)
    {
        var operations = new HashSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [];
            foreach (var method in methods)
            {
                operations.Add($"{method} {Normalize("/" + endpoint.RoutePattern.RawText!.TrimStart('/'))}");
            }
        }

        return operations;
    }

    private static string Normalize(string route) => route.Length > 1 ? route.TrimEnd('/') : route;

    [GeneratedRegex("\"#/components/(schemas|parameters)/([A-Za-z0-9_]+)\"")]
    private static partial Regex RefPattern();
}
