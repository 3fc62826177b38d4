using System.Text.Json;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;

namespace Meshery.ExtensionPoints.Sync;

/// <summary>
/// The CloudEvents JSON formatter with data kept as <see cref="JsonElement"/> both ways: decoded JSON data
/// stays the parsed element, and encoding writes an element as it is, so no data goes through reflection
/// serialization.
/// </summary>
public sealed class MesheryEventFormatter : JsonEventFormatter
{
    public static MesheryEventFormatter Instance { get; } = new();

    protected override void EncodeStructuredModeData(CloudEvent cloudEvent, Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(cloudEvent);
        ArgumentNullException.ThrowIfNull(writer);
        if (cloudEvent.Data is JsonElement element)
        {
            writer.WritePropertyName(DataPropertyName);
            element.WriteTo(writer);
            return;
        }

        base.EncodeStructuredModeData(cloudEvent, writer);
    }
}
