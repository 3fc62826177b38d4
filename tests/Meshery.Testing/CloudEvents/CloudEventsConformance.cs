using System.Text.Json.Nodes;
using Meshery.Testing.Paths;

namespace Meshery.Testing.CloudEvents;

/// <summary>
/// The CloudEvents conformance files kept in <c>shared/reference/cloudevents-conformance</c> (beside the
/// repository, as CI lays it out): valid and invalid events and batches of the JSON format.
/// </summary>
public static class CloudEventsConformance
{
    public static readonly string[] Files = ["valid-events.json", "invalid-events.json", "valid-batches.json", "invalid-batches.json"];

    public static string Folder => Path.Combine(RepositoryRoot.Path, "..", "shared", "reference", "cloudevents-conformance");

    /// <summary>Every case of every file.</summary>
    public static IReadOnlyList<ConformanceCase> All() => [.. Files.SelectMany(Read)];

    /// <summary>The key of every case (<c>file:id</c>), for theory data.</summary>
    public static IEnumerable<string> Keys() => All().Select(c => c.ToString());

    public static ConformanceCase Find(string key) =>
        All().SingleOrDefault(c => c.ToString() == key) ?? throw new ArgumentException($"No conformance case '{key}'.", nameof(key));

    private static IEnumerable<ConformanceCase> Read(string file)
    {
        var root = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, file)))!;
        var valid = file.StartsWith("valid", StringComparison.Ordinal);
        foreach (var test in root["tests"]!.AsArray())
        {
            var isBatch = test!["batch"] is not null;
            var body = isBatch ? test["batch"]! : test["event"]!;
            yield return new ConformanceCase(file, (string)test["id"]!, body.ToJsonString(), isBatch, valid);
        }
    }
}
