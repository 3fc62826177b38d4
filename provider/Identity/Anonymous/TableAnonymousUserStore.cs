using Azure.Data.Tables;
using Meshery.Provider.Identity.OpenIddict;
using Meshery.Provider.Storage.Tables;
using OpenIddict.Abstractions;

namespace Meshery.Provider.Identity.Anonymous;

/// <summary>
/// Anonymous users in table <c>anonymoususers</c>: PartitionKey = the Meshery server's id, RowKey
/// <c>user</c>, column <c>UserId</c>. A server asking again gets the user it got before, so its data
/// stays its own across restarts; two racing first requests agree on the row that was written first.
/// </summary>
public sealed class TableAnonymousUserStore(IdentityTables tables, TimeProvider time)
{
    private const string RowKey = "user";

    /// <summary>The anonymous user of <paramref name="serverId"/> (a new one per request when the server sends no id).</summary>
    public async Task<Guid> GetOrCreateAsync(string? serverId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(serverId))
        {
            return Guid.NewGuid();
        }

        var table = await tables.TableAsync(IdentityTables.AnonymousUsers, cancellationToken);
        var partition = TableKeys.Encode(serverId.Trim());
        for (var attempt = 0; attempt < 2; attempt++)
        {
            if (await IdentityTables.GetAsync(table, partition, RowKey, cancellationToken) is { } row && Guid.TryParse(row.GetString("UserId"), out var known))
            {
                return known;
            }

            var created = Guid.NewGuid();
            try
            {
                await IdentityTables.AddAsync(table, new TableEntity(partition, RowKey)
                {
                    ["UserId"] = created.ToString("D"),
                    ["CreatedAt"] = time.GetUtcNow(),
                }, cancellationToken);
                return created;
            }
            catch (OpenIddictExceptions.ConcurrencyException)
            {
                // Another request created it meanwhile: read theirs.
            }
        }

        throw new InvalidOperationException("The anonymous user row could neither be read nor written.");
    }
}
