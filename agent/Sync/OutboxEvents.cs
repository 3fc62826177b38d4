using System.Net.Mime;
using System.Text.Json;
using System.Text.Json.Nodes;
using CloudNative.CloudEvents;
using Meshery.Agent.LocalProvider.Credentials;
using Meshery.Agent.LocalProvider.Outbox;
using Meshery.ExtensionPoints.Sync;

namespace Meshery.Agent.Sync;

/// <summary>
/// Turns outbox rows into CloudEvents and batches. A credential's secret, encrypted in the outbox as in its
/// table, is decrypted only here, into the request body bound for the provider over TLS.
/// </summary>
public sealed class OutboxEvents(CredentialProtector protector)
{
    public CloudEvent ToCloudEvent(OutboxRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var cloudEvent = new CloudEvent(CloudEventsSpecVersion.V1_0)
        {
            Id = row.EventId,
            Type = row.Type,
            Source = new Uri(row.Source, UriKind.RelativeOrAbsolute),
            Subject = row.Subject,
            Time = row.Time,
        };
        if (row.Data is { } data)
        {
            cloudEvent.DataContentType = MediaTypeNames.Application.Json;
            cloudEvent.Data = WithSecret(row, data);
        }

        return cloudEvent;
    }

    /// <summary>
    /// The batch body for the first rows of <paramref name="rows"/> that fit in <paramref name="maxBytes"/>
    /// (at least one), and how many rows it holds.
    /// </summary>
    public (ReadOnlyMemory<byte> Body, int Count) Batch(IReadOnlyList<OutboxRow> rows, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var events = rows.Select(ToCloudEvent).ToList();
        var count = events.Count;
        while (true)
        {
            var body = MesheryEventFormatter.Instance.EncodeBatchModeMessage(events.Take(count), out _);
            if (body.Length <= maxBytes || count == 1)
            {
                return (body, count);
            }

            count = Math.Max(1, count / 2);
        }
    }

    private JsonElement WithSecret(OutboxRow row, string data)
    {
        if (row.Secret is not { } secret || !Guid.TryParse(row.Subject, out var id))
        {
            using var plain = JsonDocument.Parse(data);
            return plain.RootElement.Clone();
        }

        var record = JsonNode.Parse(data)!.AsObject();
        record["secret"] = JsonNode.Parse(protector.Unprotect(id, secret));
        using var document = JsonDocument.Parse(record.ToJsonString());
        return document.RootElement.Clone();
    }
}
