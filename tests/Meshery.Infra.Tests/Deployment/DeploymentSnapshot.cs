using System.Text.Json.Nodes;

namespace Meshery.Infra.Tests.Deployment;

/// <summary>
/// What <c>bicep snapshot</c> predicts a deployment of <c>main.bicepparam</c> creates: every resource of
/// every module, flattened, with the expressions evaluated that need no deployed resource. Values only
/// Azure knows at deployment (a principal id, a secret URI) stay ARM expressions.
/// </summary>
public sealed class DeploymentSnapshot(JsonObject document)
{
    public JsonObject Document { get; } = document;

    public IReadOnlyList<JsonObject> Resources =>
        [.. Document["predictedResources"]!.AsArray().Select(r => r!.AsObject())];

    public JsonObject Outputs => Document["outputs"]!.AsObject();

    /// <summary>The resources of <paramref name="type"/> (for example <c>Microsoft.Web/sites</c>).</summary>
    public IReadOnlyList<JsonObject> OfType(string type) =>
        [.. Resources.Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase))];

    /// <summary>The one resource of <paramref name="type"/>; fails the test when there are none or several.</summary>
    public JsonObject Single(string type)
    {
        var found = OfType(type);
        Assert.True(found.Count == 1, $"Expected one {type}, found {found.Count}.");
        return found[0];
    }

    /// <summary>The Function App's application settings, name to value.</summary>
    public IReadOnlyDictionary<string, string> AppSettings =>
        Single("Microsoft.Web/sites/config")["properties"]!.AsObject()
            .ToDictionary(p => p.Key, p => p.Value!.GetValue<string>(), StringComparer.Ordinal);

    public static JsonObject PropertiesOf(JsonObject resource) => resource["properties"]!.AsObject();
}
