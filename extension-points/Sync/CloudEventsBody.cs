using System.Text.Json;
using CloudNative.CloudEvents;

namespace Meshery.ExtensionPoints.Sync;

/// <summary>
/// Reads a structured-mode request body: one event (a JSON object) or a batch (a JSON array of event objects),
/// checked against the CloudEvents JSON format (<see cref="CloudEventRules"/>) and then decoded by the SDK.
/// A body with any invalid event is refused whole, naming the first problem.
/// </summary>
public static class CloudEventsBody
{
    /// <summary>The events of <paramref name="body"/>, or why it is not a valid event or batch.</summary>
    public static (IReadOnlyList<CloudEvent>? Events, string? Problem) Read(ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            return (null, $"The body is not JSON: {ex.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                return Decode(root, null);
            }

            if (root.ValueKind != JsonValueKind.Array)
            {
                return (null, "The body is neither a CloudEvent (a JSON object) nor a batch (a JSON array of events).");
            }

            var events = new List<CloudEvent>(root.GetArrayLength());
            var index = 0;
            foreach (var item in root.EnumerateArray())
            {
                var (decoded, problem) = Decode(item, index);
                if (problem is not null)
                {
                    return (null, problem);
                }

                events.Add(decoded![0]);
                index++;
            }

            return (events, null);
        }
    }

    private static (IReadOnlyList<CloudEvent>? Events, string? Problem) Decode(JsonElement item, int? index)
    {
        var where = index is { } i ? $"Event {i} of the batch" : "The event";
        if (CloudEventRules.Check(item) is { } rule)
        {
            var id = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("id", out var value) && value.ValueKind == JsonValueKind.String
                ? $" ('{value.GetString()}')"
                : string.Empty;
            return (null, $"{where}{id} {rule}.");
        }

        try
        {
            // The element is decoded on its own; its data stays valid after the document is gone.
            var cloudEvent = MesheryEventFormatter.Instance.ConvertFromJsonElement(item.Clone(), null);
            return ([cloudEvent], null);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or JsonException or InvalidOperationException)
        {
            return (null, $"{where} is not a valid CloudEvent: {ex.Message}");
        }
    }
}
