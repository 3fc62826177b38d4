using Meshery.Agent.LocalProvider.Storage;
using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Errors;
using Meshery.ExtensionPoints.Preferences;

namespace Meshery.Agent.LocalProvider.Preferences;

/// <summary>Preferences in SQLite, one row per user keyed by the user's id.</summary>
public sealed class SqlitePreferencesStore(LocalDatabase database, TimeProvider time) : IPreferencesStore
{
    private readonly DocumentTable<UserPreferences> _table = new(database, LocalTables.Preferences);

    public async Task<Stored<UserPreferences>> GetAsync(ProviderCaller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return await _table.GetAsync(caller.UserId, caller.UserId, cancellationToken)
            ?? new Stored<UserPreferences>(new UserPreferences(), EntityTags.From(0));
    }

    public async Task<Stored<UserPreferences>> SaveAsync(
        ProviderCaller caller, UserPreferences preferences, string? ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(preferences);
        var now = SqliteTime.Now(time);
        var document = preferences with { UpdatedAt = now };
        try
        {
            return await _table.UpdateAsync(caller.UserId, caller.UserId, _ => document, ifMatch, now, cancellationToken);
        }
        catch (ProviderException ex) when (ex.Kind == ProviderErrorKind.NotFound)
        {
            if (!EntityTags.Matches(ifMatch, 0))
            {
                throw ProviderException.PreconditionFailed("Preferences", caller.UserId);
            }

            try
            {
                return await _table.InsertAsync(caller.UserId, caller.UserId, document, now, cancellationToken);
            }
            catch (ProviderException conflict) when (conflict.Kind == ProviderErrorKind.Conflict)
            {
                // Another first save won the race: this one is a lost update unless unconditional.
                if (ifMatch is not null)
                {
                    throw ProviderException.PreconditionFailed("Preferences", caller.UserId);
                }

                return await _table.UpdateAsync(caller.UserId, caller.UserId, _ => document, null, now, cancellationToken);
            }
        }
    }
}
