using System.Text.Json.Nodes;
using Meshery.Testing.Kubernetes.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Meshery.Testing.Kubernetes.Discovery;

/// <summary><c>/version</c>, <c>/api</c>, <c>/apis</c> and the per group/version resource lists.</summary>
internal static class DiscoveryHandlers
{
    private static readonly string[] AllVerbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

    public static void MapDiscoveryEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/version", VersionAsync);
        app.MapGet("/api", CoreVersionsAsync);
        app.MapGet("/apis", GroupsAsync);
        app.MapGet("/apis/{group}", GroupAsync);
        app.MapGet("/api/{version}", CoreResourcesAsync);
        app.MapGet("/apis/{group}/{version}", GroupResourcesAsync);
        app.MapGet("/healthz", () => "ok");
        app.MapGet("/readyz", () => "ok");
        app.MapGet("/livez", () => "ok");
    }

    public static Task VersionAsync(HttpContext context, [FromServices] FakeKubeState state)
    {
        var git = state.Options.KubernetesVersion;
        var parts = git.TrimStart('v').Split('.');
        return KubeResponses.WriteJsonAsync(context, 200, new JsonObject
        {
            ["major"] = parts[0],
            ["minor"] = parts.Length > 1 ? parts[1] : "0",
            ["gitVersion"] = git,
            ["gitCommit"] = "0000000000000000000000000000000000000000",
            ["gitTreeState"] = "clean",
            ["buildDate"] = "2025-01-01T00:00:00Z",
            ["goVersion"] = "go1.24.0",
            ["compiler"] = "gc",
            ["platform"] = "linux/amd64",
        });
    }

    public static Task CoreVersionsAsync(HttpContext context) =>
        KubeResponses.WriteJsonAsync(context, 200, new JsonObject
        {
            ["kind"] = "APIVersions",
            ["versions"] = new JsonArray("v1"),
            ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject
            {
                ["clientCIDR"] = "0.0.0.0/0",
                ["serverAddress"] = context.Request.Host.Value,
            }),
        });

    public static Task GroupsAsync(HttpContext context, [FromServices] FakeKubeState state)
    {
        var groups = new JsonArray();
        foreach (var (group, versions) in state.Registry.Groups().Where(g => g.Group.Length > 0))
        {
            groups.Add(GroupJson(group, versions));
        }

        return KubeResponses.WriteJsonAsync(context, 200, new JsonObject
        {
            ["kind"] = "APIGroupList",
            ["apiVersion"] = "v1",
            ["groups"] = groups,
        });
    }

    public static Task GroupAsync(HttpContext context, string group, [FromServices] FakeKubeState state)
    {
        var found = state.Registry.Groups().FirstOrDefault(g => g.Group == group && group.Length > 0);
        if (found.Group is null)
        {
            return KubeResponses.WriteStatusAsync(context, KubeStatus.NoSuchPath());
        }

        var json = GroupJson(found.Group, found.Versions);
        json["kind"] = "APIGroup";
        json["apiVersion"] = "v1";
        return KubeResponses.WriteJsonAsync(context, 200, json);
    }

    public static Task CoreResourcesAsync(HttpContext context, string version, [FromServices] FakeKubeState state) =>
        ResourcesAsync(context, state, string.Empty, version);

    public static Task GroupResourcesAsync(HttpContext context, string group, string version, [FromServices] FakeKubeState state) =>
        ResourcesAsync(context, state, group, version);

    private static Task ResourcesAsync(HttpContext context, FakeKubeState state, string group, string version)
    {
        var types = state.Registry.All.Where(t => t.Group == group && t.Version == version).ToList();
        if (types.Count == 0)
        {
            return KubeResponses.WriteStatusAsync(context, KubeStatus.NoSuchPath());
        }

        var resources = new JsonArray();
        foreach (var type in types)
        {
            var resource = new JsonObject
            {
                ["name"] = type.Plural,
                ["singularName"] = type.Singular,
                ["namespaced"] = type.Namespaced,
                ["kind"] = type.Kind,
                ["verbs"] = new JsonArray([.. AllVerbs.Select(v => (JsonNode)v)]),
            };
            if (type.ShortNames.Length > 0)
            {
                resource["shortNames"] = new JsonArray([.. type.ShortNames.Select(s => (JsonNode)s)]);
            }

            resources.Add(resource);
            if (type.HasStatus)
            {
                resources.Add(Subresource(type, "status", "get", "patch", "update"));
            }

            if (type.HasLog)
            {
                resources.Add(Subresource(type, "log", "get"));
            }
        }

        return KubeResponses.WriteJsonAsync(context, 200, new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = types[0].ApiVersion,
            ["resources"] = resources,
        });
    }

    private static JsonObject Subresource(ResourceType type, string name, params string[] verbs) => new()
    {
        ["name"] = $"{type.Plural}/{name}",
        ["singularName"] = string.Empty,
        ["namespaced"] = type.Namespaced,
        ["kind"] = type.Kind,
        ["verbs"] = new JsonArray([.. verbs.Select(v => (JsonNode)v)]),
    };

    private static JsonObject GroupJson(string group, IReadOnlyList<string> versions)
    {
        JsonObject Version(string v) => new() { ["groupVersion"] = $"{group}/{v}", ["version"] = v };
        return new JsonObject
        {
            ["name"] = group,
            ["versions"] = new JsonArray([.. versions.Select(v => (JsonNode)Version(v))]),
            ["preferredVersion"] = Version(versions[0]),
        };
    }
}
