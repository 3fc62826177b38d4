using System.Globalization;
using System.Text.Json.Nodes;
using Meshery.Testing.Kubernetes.Storage;

namespace Meshery.Testing.Kubernetes.FieldManagement;

/// <summary>
/// One <c>metadata.managedFields</c> entry: a manager, its operation (Apply or Update), the API version and
/// subresource it wrote through, when, and the fields it owns. Appliers are one entry whatever the version;
/// updaters are one entry per version, as the API server keys them.
/// </summary>
internal sealed class ManagedFieldsEntry(string manager, string operation, string apiVersion, string? subresource)
{
    public const string Apply = "Apply";
    public const string Update = "Update";

    public string Manager { get; } = manager;

    public string Operation { get; } = operation;

    public string ApiVersion { get; set; } = apiVersion;

    public string? Subresource { get; } = subresource;

    public string? Time { get; set; }

    public FieldSet Fields { get; set; } = new();

    public bool IsSameManager(string manager, string operation, string apiVersion, string? subresource) =>
        Manager == manager && Operation == operation && Subresource == subresource && (operation == Apply || ApiVersion == apiVersion);

    /// <summary>How a conflict names this manager: <c>"m"</c>, <c>"m" with subresource "status"</c>, <c>"m" using v1</c>.</summary>
    public string Describe()
    {
        var text = $"\"{Manager}\"";
        if (Subresource is not null)
        {
            text += $" with subresource \"{Subresource}\"";
        }

        return Operation == Update ? $"{text} using {ApiVersion}" : text;
    }

    public static List<ManagedFieldsEntry> Decode(JsonNode? managedFields)
    {
        var entries = new List<ManagedFieldsEntry>();
        foreach (var node in managedFields as JsonArray ?? [])
        {
            if (node is not JsonObject e || Meta.Str(e, "manager") is not { } manager || Meta.Str(e, "operation") is not { } operation)
            {
                continue;
            }

            entries.Add(new ManagedFieldsEntry(manager, operation, Meta.Str(e, "apiVersion") ?? string.Empty, Meta.Str(e, "subresource"))
            {
                Time = DateTimeOffset.TryParse(Meta.Str(e, "time"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? Meta.Timestamp(time) : null,
                Fields = FieldSet.FromFieldsV1(e["fieldsV1"] as JsonObject),
            });
        }

        return entries;
    }

    /// <summary>The entries that own something, ordered as the API server stores them (Apply first, then by time).</summary>
    public static JsonArray Encode(IEnumerable<ManagedFieldsEntry> entries)
    {
        var ordered = entries.Where(e => !e.Fields.IsEmpty)
            .OrderBy(e => e.Operation, StringComparer.Ordinal)
            .ThenBy(e => e.Time ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(e => e.Manager, StringComparer.Ordinal)
            .ThenBy(e => e.ApiVersion, StringComparer.Ordinal)
            .ThenBy(e => e.Subresource ?? string.Empty, StringComparer.Ordinal);
        var array = new JsonArray();
        foreach (var e in ordered)
        {
            var json = new JsonObject
            {
                ["manager"] = e.Manager,
                ["operation"] = e.Operation,
                ["apiVersion"] = e.ApiVersion,
            };
            if (e.Time is not null)
            {
                json["time"] = e.Time;
            }

            json["fieldsType"] = "FieldsV1";
            json["fieldsV1"] = e.Fields.ToFieldsV1();
            if (e.Subresource is not null)
            {
                json["subresource"] = e.Subresource;
            }

            array.Add(json);
        }

        return array;
    }
}
