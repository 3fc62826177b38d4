using Meshery.Provider.Hosting;
using Meshery.Provider.Identity.OpenIddict;
using Meshery.Provider.Storage.Tables;
using OpenIddict.Abstractions;

namespace Meshery.Provider.Identity.External;

/// <summary>
/// Links in table <c>externallogins</c>: PartitionKey = the issuer, RowKey = the subject, so a callback's
/// lookup is one point read and two callbacks racing to link the same identity collide on insert.
/// </summary>
public sealed class TableExternalLoginStore(IdentityTables tables)
{
    public async Task<ExternalLogin?> FindAsync(string issuer, string subject, CancellationToken cancellationToken)
    {
        var table = await tables.TableAsync(IdentityTables.ExternalLogins, cancellationToken);
        var entity = await IdentityTables.GetAsync(table, TableKeys.Encode(issuer), TableKeys.Encode(subject), cancellationToken);
        return entity is null ? null : IdentityTables.Read(entity, ProviderJsonContext.Default.ExternalLogin);
    }

    /// <summary>Stores the link; false when the identity is linked already (a concurrent first sign-in).</summary>
    public async Task<bool> TryCreateAsync(ExternalLogin login, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(login);
        var table = await tables.TableAsync(IdentityTables.ExternalLogins, cancellationToken);
        var row = IdentityTables.Row(TableKeys.Encode(login.Issuer), TableKeys.Encode(login.Subject), login, ProviderJsonContext.Default.ExternalLogin);
        row["UserId"] = login.UserId.ToString("D");
        try
        {
            await IdentityTables.AddAsync(table, row, cancellationToken);
            return true;
        }
        catch (OpenIddictExceptions.ConcurrencyException)
        {
            return false;
        }
    }
}
