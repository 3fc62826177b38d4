using System.Globalization;
using System.Text.Json.Nodes;
using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Connections;
using Meshery.ExtensionPoints.Credentials;
using Microsoft.Extensions.Logging;

namespace Meshery.Agent.Telemetry;

/// <summary>
/// Grafana and Prometheus connections through the provider interfaces: connect (tested first; the key goes into a
/// credential, never into the connection), find a caller's connection, re-test and record its status, disconnect.
/// </summary>
public sealed partial class TelemetryConnections(
    IConnectionStore connections,
    ICredentialStore credentials,
    TelemetryProbe probe,
    TelemetryCallers callers,
    TimeProvider time,
    ILogger<TelemetryConnections> logger)
{
    /// <summary>Metadata member set when a failed test (not the user) moved the connection to disconnected.</summary>
    public const string CheckFailedKey = "checkFailed";

    /// <summary>Tests the server and, when it answers, saves a credential (if a key is given) and a connected connection.</summary>
    public async Task<ConnectOutcome> ConnectAsync(ProviderCaller caller, TelemetryKind kind, ConnectRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(request);
        callers.Remember(caller);
        var server = new TelemetryServer(request.Url, request.Secret);
        var result = await probe.TestAsync(kind, server, cancellationToken);
        if (!result.Connected)
        {
            TelemetryLog.ConnectFailed(logger, kind.Name, request.Url, result.Reason);
            return new ConnectOutcome(null, result);
        }

        Stored<Credential>? credential = null;
        if (!string.IsNullOrEmpty(request.Secret))
        {
            credential = await credentials.CreateAsync(
                caller,
                new CredentialPayload
                {
                    Name = Blank(request.CredentialName) ?? $"{kind.DisplayName} {request.Url.Authority}",
                    Type = kind.Name,
                    Secret = new JsonObject { ["secret"] = request.Secret },
                },
                cancellationToken);
        }

        try
        {
            var saved = await connections.SaveAsync(
                caller,
                new ConnectionPayload
                {
                    Name = Blank(request.ConnectionName) ?? request.Url.Authority,
                    Kind = kind.Name,
                    Type = TelemetryKind.Type,
                    SubType = TelemetryKind.SubType,
                    Status = result.Status,
                    Url = TelemetryUrl.Text(request.Url),
                    Metadata = Metadata(null, request.Url, result),
                    CredentialId = credential?.Value.Id,
                },
                cancellationToken);
            TelemetryLog.Connected(logger, kind.Name, request.Url, saved.Value.Id);
            return new ConnectOutcome(saved.Value, result);
        }
        catch when (credential is not null)
        {
            // The credential exists only for this connection: without it, it must not stay behind.
            await credentials.DeleteAsync(caller, credential.Value.Id, CancellationToken.None);
            throw;
        }
    }

    /// <summary>The caller's connection of <paramref name="kind"/> with its server and secret; null when the caller has no such connection.</summary>
    public async Task<TelemetryTarget?> FindAsync(ProviderCaller caller, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        callers.Remember(caller);
        var stored = await connections.GetAsync(caller, id, cancellationToken);
        return stored is null ? null : await TargetOfAsync(caller, stored.Value, cancellationToken);
    }

    /// <summary>Tests the connection's server again and records the status (and why) on the connection.</summary>
    public async Task<TelemetryProbeResult> RecheckAsync(ProviderCaller caller, TelemetryKind kind, TelemetryTarget target, bool recordWhenUnchanged, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var result = await probe.TestAsync(kind, target.Server, cancellationToken);
        var connection = target.Connection;
        var changed = result.Status != connection.Status;
        if (changed || recordWhenUnchanged)
        {
            await connections.UpdateAsync(
                caller,
                connection.Id,
                new ConnectionPayload { Status = result.Status, Metadata = Metadata(connection.Metadata, target.Server.BaseUrl, result) },
                null,
                cancellationToken);
        }

        if (changed)
        {
            TelemetryLog.StatusChanged(logger, kind.Name, connection.Id, result.Status, result.Reason);
        }

        return result;
    }

    /// <summary>Keeps the user's selection of boards and panels in the connection's metadata (none removes it).</summary>
    public async Task SaveBoardsAsync(ProviderCaller caller, TelemetryKind kind, Connection connection, JsonArray boards, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(boards);
        var metadata = connection.Metadata is null ? new JsonObject() : (JsonObject)connection.Metadata.DeepClone();
        if (boards.Count > 0)
        {
            metadata[kind.BoardsMetadataKey] = boards.DeepClone();
        }
        else
        {
            metadata.Remove(kind.BoardsMetadataKey);
        }

        await connections.UpdateAsync(caller, connection.Id, new ConnectionPayload { Metadata = metadata }, null, cancellationToken);
    }

    /// <summary>Deletes the credential of a deleted Grafana or Prometheus connection: the agent made it for that connection alone.</summary>
    public async Task ForgetCredentialAsync(ProviderCaller caller, Connection deleted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deleted);
        if (!TelemetryKind.OwnsCredential(deleted.Kind))
        {
            return;
        }

        if (deleted.CredentialId is { } credentialId
            && await credentials.GetAsync(caller, credentialId, cancellationToken) is { } credential
            && credential.Value.Type == deleted.Kind)
        {
            await credentials.DeleteAsync(caller, credentialId, cancellationToken);
        }

        TelemetryLog.Disconnected(logger, deleted.Kind, deleted.Id, deleted.CredentialId);
    }

    private async Task<TelemetryTarget?> TargetOfAsync(ProviderCaller caller, Connection connection, CancellationToken cancellationToken)
    {
        var address = connection.Metadata?["url"] is JsonValue url && url.TryGetValue<string>(out var text) ? text : connection.Url;
        if (!TelemetryUrl.TryParse(address, out var baseUrl, out _))
        {
            return null;
        }

        string? secret = null;
        if (connection.CredentialId is { } credentialId
            && await credentials.GetAsync(caller, credentialId, cancellationToken) is { } credential)
        {
            secret = SecretOf(credential.Value.Secret);
        }

        return new TelemetryTarget(connection, new TelemetryServer(baseUrl, secret));
    }

    /// <summary>Meshery server keeps the key as <c>secret</c>; credentials made with the schema forms name it after the kind.</summary>
    private static string? SecretOf(JsonObject? secret)
    {
        foreach (var name in (string[])["secret", "grafanaAPIKey", "prometheusKey", "apiKey", "token"])
        {
            if (secret?[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0)
            {
                return text;
            }
        }

        return null;
    }

    private JsonObject Metadata(JsonObject? current, Uri url, TelemetryProbeResult result)
    {
        var metadata = current is null ? new JsonObject() : (JsonObject)current.DeepClone();
        metadata["url"] = TelemetryUrl.Text(url);
        metadata["reason"] = result.Reason;
        metadata["lastCheckedAt"] = time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        if (result.Version is { Length: > 0 } version)
        {
            metadata["version"] = version;
        }

        if (result.OrgId is { } orgId)
        {
            metadata["orgId"] = orgId;
        }

        if (result.Connected)
        {
            metadata.Remove(CheckFailedKey);
        }
        else
        {
            metadata[CheckFailedKey] = true;
        }

        return metadata;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
