using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Errors;
using Meshery.ExtensionPoints.Preferences;
using Meshery.ExtensionPoints.Users;
using Meshery.Provider.Storage.Tables;

namespace Meshery.Provider.Storage.Users;

/// <summary>
/// Profiles in table <c>users</c>: PartitionKey = the user id, RowKey <c>profile</c>, beside the
/// preferences row. A user who never signed in through <see cref="UpsertAsync"/> gets a profile
/// holding only their id. Preferences are embedded on read and never stored in the profile.
/// </summary>
public sealed class TableUserProfileStore(TableStorage storage, IPreferencesStore preferences, TimeProvider time) : IUserProfileStore
{
    public const string RowKey = "profile";

    private readonly DocumentTable<MesheryUser> _table = new(storage, TableDefinitions.Users);

    public static DocumentKey KeyOf(Guid userId) => new(TableKeys.Tenant(userId), RowKey, userId);

    public async Task<MesheryUser> GetCurrentAsync(ProviderCaller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var profile = _table.GetAsync(KeyOf(caller.UserId), cancellationToken);
        var prefs = preferences.GetAsync(caller, cancellationToken);
        await Task.WhenAll(profile, prefs);
        var user = (await profile)?.Value ?? new MesheryUser { Id = caller.UserId, Status = "active" };
        return user with { Id = caller.UserId, Preferences = (await prefs).Value };
    }

    /// <summary>Only the caller's own profile is served; any other id is absent (404).</summary>
    public async Task<MesheryUser?> GetAsync(ProviderCaller caller, Guid userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return userId == caller.UserId ? await GetCurrentAsync(caller, cancellationToken) : null;
    }

    /// <summary>
    /// Stores what the sign-in learned about a user (their partition is the user's id); keeps the
    /// first <c>createdAt</c>. Preferences are not part of the profile and are ignored here.
    /// </summary>
    public async Task<MesheryUser> UpsertAsync(MesheryUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Id == Guid.Empty)
        {
            throw ProviderException.Invalid("'id' is required.");
        }

        var key = KeyOf(user.Id);
        var now = TableTime.Now(time);
        while (true)
        {
            try
            {
                var updated = await _table.UpdateAsync(
                    key,
                    current => new(user with { Preferences = null, CreatedAt = current.Value.CreatedAt ?? now, UpdatedAt = now }),
                    null,
                    cancellationToken);
                return updated.Value;
            }
            catch (ProviderException ex) when (ex.Kind == ProviderErrorKind.NotFound)
            {
            }

            try
            {
                var created = await _table.InsertAsync(
                    key, new(user with { Preferences = null, CreatedAt = user.CreatedAt ?? now, UpdatedAt = now }), cancellationToken);
                return created.Value;
            }
            catch (ProviderException ex) when (ex.Kind == ProviderErrorKind.Conflict)
            {
                // Created meanwhile: update it instead.
            }
        }
    }
}
