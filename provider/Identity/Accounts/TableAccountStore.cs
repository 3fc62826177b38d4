using Azure.Data.Tables;
using Meshery.Provider.Hosting;
using Meshery.Provider.Identity.OpenIddict;
using Meshery.Provider.Storage.Tables;
using OpenIddict.Abstractions;

namespace Meshery.Provider.Identity.Accounts;

/// <summary>
/// Accounts in table <c>accounts</c>: PartitionKey = the normalized (trimmed, upper-case) e-mail,
/// RowKey <c>account</c>, so sign-in is one point read and a second sign-up with the same address
/// collides. Updates (failed counts, lockout) are guarded by the ETag read.
/// </summary>
public sealed class TableAccountStore(IdentityTables tables)
{
    private const string RowKey = "account";

    public static string Normalize(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return email.Trim().ToUpperInvariant();
    }

    public async Task<Account?> FindByEmailAsync(string email, CancellationToken cancellationToken)
    {
        var table = await tables.TableAsync(IdentityTables.Accounts, cancellationToken);
        var entity = await IdentityTables.GetAsync(table, TableKeys.Encode(Normalize(email)), RowKey, cancellationToken);
        var account = entity is null ? null : IdentityTables.Read(entity, ProviderJsonContext.Default.Account);
        if (account is not null)
        {
            account.ETag = entity!.ETag.ToString();
        }

        return account;
    }

    /// <summary>Creates the account; false when the address is taken.</summary>
    public async Task<bool> TryCreateAsync(Account account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var table = await tables.TableAsync(IdentityTables.Accounts, cancellationToken);
        try
        {
            account.ETag = (await IdentityTables.AddAsync(table, RowOf(account), cancellationToken)).ToString();
            return true;
        }
        catch (OpenIddictExceptions.ConcurrencyException)
        {
            return false;
        }
    }

    /// <summary>Writes the account if nobody changed it since it was read; false otherwise.</summary>
    public async Task<bool> TryUpdateAsync(Account account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var table = await tables.TableAsync(IdentityTables.Accounts, cancellationToken);
        try
        {
            account.ETag = (await IdentityTables.ReplaceAsync(table, RowOf(account), account.ETag, cancellationToken)).ToString();
            return true;
        }
        catch (OpenIddictExceptions.ConcurrencyException)
        {
            return false;
        }
    }

    private static TableEntity RowOf(Account account)
    {
        var row = IdentityTables.Row(TableKeys.Encode(account.NormalizedEmail), RowKey, account, ProviderJsonContext.Default.Account);
        row["UserId"] = account.Id.ToString("D");
        return row;
    }
}
