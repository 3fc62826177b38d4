using Meshery.Provider.Identity.Accounts;
using Microsoft.Extensions.Logging;

namespace Meshery.Provider.Identity.External;

/// <summary>
/// Turns an external identity into an account: a linked identity signs in its account; a new one gets a
/// new account (never an existing one found by e-mail) and the link.
/// </summary>
public sealed class ExternalAccountLinker(
    TableExternalLoginStore links,
    TableAccountStore accounts,
    AccountService service,
    TimeProvider time,
    ILogger<ExternalAccountLinker> logger)
{
    public async Task<Account> SignInAsync(string issuer, string subject, string? email, string? name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(issuer);
        ArgumentException.ThrowIfNullOrEmpty(subject);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var link = await links.FindAsync(issuer, subject, cancellationToken);
            if (link is not null)
            {
                var linked = await accounts.FindByEmailAsync(link.AccountKey, cancellationToken);
                if (linked is not null && linked.Id == link.UserId)
                {
                    return linked;
                }

                throw new InvalidOperationException("An external sign-in link names an account that does not exist.");
            }

            var account = await service.CreateExternalAsync(email, name, cancellationToken);
            var created = new ExternalLogin
            {
                Issuer = issuer,
                Subject = subject,
                UserId = account.Id,
                AccountKey = account.NormalizedEmail,
                CreatedAt = time.GetUtcNow(),
            };
            if (await links.TryCreateAsync(created, cancellationToken))
            {
                IdentityLog.ExternalLinked(logger, account.Id);
                return account;
            }

            // A concurrent first sign-in of the same identity linked first: use its account. (The account
            // made here stays without a link; nothing can sign in to it.)
        }

        throw new InvalidOperationException("The external identity could not be linked.");
    }
}
