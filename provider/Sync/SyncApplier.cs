using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CloudNative.CloudEvents;
using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Connections;
using Meshery.ExtensionPoints.Credentials;
using Meshery.ExtensionPoints.Designs;
using Meshery.ExtensionPoints.Environments;
using Meshery.ExtensionPoints.Errors;
using Meshery.ExtensionPoints.Events;
using Meshery.ExtensionPoints.Json;
using Meshery.ExtensionPoints.Performance;
using Meshery.ExtensionPoints.Preferences;
using Meshery.ExtensionPoints.Sync;
using Meshery.Provider.Storage.Environments;
using T = Meshery.ExtensionPoints.Sync.SyncEventTypes;

namespace Meshery.Provider.Sync;

/// <summary>
/// Applies one Meshery sync event to the hosted stores as the caller: creates and updates are upserts keyed by
/// the event's subject (the entity id the agent chose), deletes remove it. Ownership and organization are
/// never taken from the event: the stores write the caller's tenant, and an environment lands in the
/// caller's personal organization (the agent's local organization means nothing here).
/// </summary>
public sealed class SyncApplier(
    IPreferencesStore preferences,
    TableEnvironmentStore environments,
    IConnectionStore connections,
    ICredentialStore credentials,
    IDesignStore designs,
    IEventStore events,
    IPerformanceProfileStore profiles,
    IPerformanceResultStore results)
{
    /// <summary>Why <paramref name="cloudEvent"/> (a Meshery type) cannot be applied, or null when it can.</summary>
    public static string? Check(CloudEvent cloudEvent)
    {
        ArgumentNullException.ThrowIfNull(cloudEvent);
        if (!T.TryParse(cloudEvent.Type!, out var entity, out var action))
        {
            return $"has type '{cloudEvent.Type}', which is not a Meshery sync type ({T.Prefix}<entity>.<created|updated|deleted>)";
        }

        if (entity != T.Preferences && !Guid.TryParse(cloudEvent.Subject, out _))
        {
            return "has no entity id (a UUID) in 'subject'";
        }

        if (action != T.Deleted && cloudEvent.Data is not JsonElement { ValueKind: JsonValueKind.Object })
        {
            return "has no JSON object in 'data' (the entity's wire record)";
        }

        return null;
    }

    public async Task ApplyAsync(ProviderCaller caller, CloudEvent cloudEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(cloudEvent);
        T.TryParse(cloudEvent.Type!, out var entity, out var action);
        var id = entity == T.Preferences ? caller.UserId : Guid.Parse(cloudEvent.Subject!);
        var data = cloudEvent.Data is JsonElement element ? element : default;
        var deleted = action == T.Deleted;
        switch (entity)
        {
            case T.Preferences when !deleted:
                await preferences.SaveAsync(caller, Read<UserPreferences>(data), null, cancellationToken);
                break;
            case T.Environment:
                await ApplyEnvironmentAsync(caller, id, deleted ? null : Read<MesheryEnvironment>(data), cancellationToken);
                break;
            case T.Connection when deleted:
                await connections.DeleteAsync(caller, id, cancellationToken);
                break;
            case T.Connection:
                await connections.SaveAsync(caller, ConnectionOf(id, Read<Connection>(data)), cancellationToken);
                break;
            case T.Credential:
                await ApplyCredentialAsync(caller, id, deleted ? null : Read<Credential>(data), cancellationToken);
                break;
            case T.Design when deleted:
                await designs.DeleteAsync(caller, id, cancellationToken);
                break;
            case T.Design:
                await designs.SaveAsync(caller, Read<Design>(data) with { Id = id }, null, cancellationToken);
                break;
            case T.Event:
                await ApplyEventAsync(caller, id, action, deleted ? null : Read<MesheryEvent>(data), cancellationToken);
                break;
            case T.PerformanceProfile when deleted:
                await profiles.DeleteAsync(caller, id, cancellationToken);
                break;
            case T.PerformanceProfile:
                await profiles.SaveAsync(caller, Read<PerformanceProfile>(data) with { Id = id }, null, cancellationToken);
                break;
            case T.PerformanceResult when !deleted:
                await ApplyResultAsync(caller, id, action, Read<PerformanceResult>(data), cancellationToken);
                break;
            default:
                // Preferences and results are not deleted on their own (results go with their profile).
                break;
        }
    }

    private async Task ApplyEnvironmentAsync(ProviderCaller caller, Guid id, MesheryEnvironment? environment, CancellationToken cancellationToken)
    {
        if (environment is null)
        {
            await environments.DeleteAsync(caller, id, cancellationToken);
            return;
        }

        var payload = new EnvironmentPayload { Name = environment.Name, Description = environment.Description, Metadata = environment.Metadata };
        try
        {
            await environments.CreateAsync(caller, id, payload, cancellationToken);
        }
        catch (ProviderException ex) when (ex.Kind == ProviderErrorKind.Conflict)
        {
            await environments.UpdateAsync(caller, id, payload, null, cancellationToken);
        }
    }

    private async Task ApplyCredentialAsync(ProviderCaller caller, Guid id, Credential? credential, CancellationToken cancellationToken)
    {
        if (credential is null)
        {
            await credentials.DeleteAsync(caller, id, cancellationToken);
            return;
        }

        var payload = new CredentialPayload { Id = id, Name = credential.Name, Type = credential.Type, Secret = credential.Secret };
        try
        {
            await credentials.CreateAsync(caller, payload, cancellationToken);
        }
        catch (ProviderException ex) when (ex.Kind == ProviderErrorKind.Conflict)
        {
            await credentials.UpdateAsync(caller, id, payload, null, cancellationToken);
        }
    }

    private async Task ApplyEventAsync(ProviderCaller caller, Guid id, string action, MesheryEvent? meshery, CancellationToken cancellationToken)
    {
        if (meshery is null)
        {
            await events.DeleteAsync(caller, [id], cancellationToken);
            return;
        }

        var stored = await events.CreateAsync(caller, meshery with { Id = id }, cancellationToken);
        if (action == T.Updated && !string.Equals(stored.Status, meshery.Status, StringComparison.Ordinal))
        {
            await events.UpdateStatusAsync(caller, [id], meshery.Status, cancellationToken);
        }
    }

    private async Task ApplyResultAsync(ProviderCaller caller, Guid id, string action, PerformanceResult result, CancellationToken cancellationToken)
    {
        var keyed = result with { MesheryId = id };
        if (action == T.Created && await results.GetAsync(caller, id, cancellationToken) is null)
        {
            var profile = result.PerformanceProfile ?? throw ProviderException.Invalid($"Performance result '{id}' names no performance profile.");
            await results.CreateAsync(caller, profile, keyed, cancellationToken);
            return;
        }

        await results.SaveMetricsAsync(caller, keyed, cancellationToken);
    }

    private static ConnectionPayload ConnectionOf(Guid id, Connection connection) => new()
    {
        Id = id,
        Name = connection.Name,
        Description = connection.Description,
        Url = connection.Url,
        Kind = connection.Kind,
        Type = connection.Type,
        SubType = connection.SubType,
        Status = connection.Status,
        Metadata = connection.Metadata,
        CredentialId = connection.CredentialId,
        SkipCredentialVerification = true,
    };

    private static TValue Read<TValue>(JsonElement data)
    {
        try
        {
            return data.Deserialize((JsonTypeInfo<TValue>)MesheryJson.Options.GetTypeInfo(typeof(TValue)))
                ?? throw ProviderException.Invalid($"The event's data is not a {typeof(TValue).Name}.");
        }
        catch (JsonException ex)
        {
            throw ProviderException.Invalid($"The event's data is not a {typeof(TValue).Name}: {ex.Message}");
        }
    }
}
