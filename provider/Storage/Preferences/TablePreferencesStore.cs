using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Errors;
using Meshery.ExtensionPoints.Preferences;
using Meshery.Provider.Storage.Tables;

namespace Meshery.Provider.Storage.Preferences;

/// <summary>
/// Preferences in table <c>users</c>: PartitionKey = the user id, RowKey <c>preferences</c> (a point
/// read). Before the first save the caller gets an empty document tagged <see cref="TableETags.Missing"/>.
/// </summary>
public sealed class TablePreferencesStore(TableStorage storage, TimeProvider time) : IPreferencesStore
{
    public const string RowKey = "preferences";

    private readonly DocumentTable<UserPreferences> _table = new(storage, TableDefinitions.Preferences);

    public static DocumentKey KeyOf(Guid userId) => new(TableKeys.Tenant(userId), RowKey, userId);

    public async Task<Stored<UserPreferences>> GetAsync(ProviderCaller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return await _table.GetAsync(KeyOf(caller.UserId), cancellationToken)
            ?? new Stored<UserPreferences>(new UserPreferences(), TableETags.Missing);
    }

    public async Task<Stored<UserPreferences>> SaveAsync(
        ProviderCaller caller, UserPreferences preferences, string? ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(preferences);
        var key = KeyOf(caller.UserId);
        var document = new DocumentWrite<UserPreferences>(preferences with { UpdatedAt = TableTime.Now(time) });
        while (true)
        {
            try
            {
                return await _table.UpdateAsync(key, _ => document, ifMatch, cancellationToken);
            }
            catch (ProviderException ex) when (ex.Kind == ProviderErrorKind.NotFound)
            {
                if (!TableETags.Matches(ifMatch, TableETags.Missing))
                {
                    throw ProviderException.PreconditionFailed("Preferences", caller.UserId);
                }
            }

            try
            {
                return await _table.InsertAsync(key, document, cancellationToken);
            }
            catch (ProviderException ex) when (ex.Kind == ProviderErrorKind.Conflict)
            {
                // Another first save won: an unconditional save replaces it, any other is a lost update.
                if (!string.IsNullOrWhiteSpace(ifMatch))
                {
                    throw ProviderException.PreconditionFailed("Preferences", caller.UserId);
                }
            }
        }
    }
}
