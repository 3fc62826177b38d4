using System.Net.Mail;
using Meshery.ExtensionPoints.Users;
using Meshery.Provider.Storage.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Meshery.Provider.Identity.Accounts;

/// <summary>Sign-up and password sign-in with lockout: <see cref="IdentityServerOptions.LockoutThreshold"/> failures lock for <see cref="IdentityServerOptions.LockoutDuration"/>.</summary>
public sealed class AccountService(
    TableAccountStore accounts,
    TableUserProfileStore profiles,
    IOptions<IdentityServerOptions> options,
    TimeProvider time,
    ILogger<AccountService> logger)
{
    private static readonly PasswordHasher<Account> Hasher = new();

    /// <summary>Checks a sign-up; null when acceptable, else the message shown beside the form.</summary>
    public string? Check(string? email, string? password)
    {
        if (string.IsNullOrWhiteSpace(email) || email.Length > 254 || !MailAddress.TryCreate(email.Trim(), out _))
        {
            return "Enter a valid e-mail address.";
        }

        var min = options.Value.MinPasswordLength;
        return password is null || password.Length < min || password.Length > 256
            ? $"Choose a password of at least {min} characters."
            : null;
    }

    /// <summary>Creates the account and its profile; null when the address is already registered.</summary>
    public async Task<Account?> SignUpAsync(string email, string? name, string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(password);
        var account = new Account
        {
            Id = Guid.NewGuid(),
            Email = email.Trim(),
            NormalizedEmail = TableAccountStore.Normalize(email),
            Name = string.IsNullOrWhiteSpace(name) ? null : name.Trim(),
            CreatedAt = time.GetUtcNow(),
        };
        account.PasswordHash = Hasher.HashPassword(account, password);
        if (!await accounts.TryCreateAsync(account, cancellationToken))
        {
            return null;
        }

        await profiles.UpsertAsync(ProfileOf(account), cancellationToken);
        IdentityLog.SignedUp(logger, account.Id);
        return account;
    }

    /// <summary>
    /// Creates an account without a password for a first external sign-in. It takes the e-mail address
    /// as its key only when no account has it: an external claim never reaches an existing account.
    /// </summary>
    public async Task<Account> CreateExternalAsync(string? email, string? name, CancellationToken cancellationToken)
    {
        var usable = !string.IsNullOrWhiteSpace(email) && email.Length <= 254 && MailAddress.TryCreate(email.Trim(), out _);
        var account = new Account
        {
            Id = Guid.NewGuid(),
            Email = usable ? email!.Trim() : "",
            Name = string.IsNullOrWhiteSpace(name) ? null : name.Trim(),
            CreatedAt = time.GetUtcNow(),
        };

        // The fallback key has a space, so no e-mail address typed at sign-in or sign-up ever matches it.
        account.NormalizedEmail = usable ? TableAccountStore.Normalize(account.Email) : ExternalKey(account.Id);
        if (!await accounts.TryCreateAsync(account, cancellationToken))
        {
            account.NormalizedEmail = ExternalKey(account.Id);
            if (!await accounts.TryCreateAsync(account, cancellationToken))
            {
                throw new InvalidOperationException("An account key derived from a new id is taken.");
            }
        }

        await profiles.UpsertAsync(ProfileOf(account), cancellationToken);
        IdentityLog.SignedUp(logger, account.Id);
        return account;
    }

    /// <summary>Checks the password unless the account is locked; counts failures under the ETag read.</summary>
    public async Task<SignInResult> SignInAsync(string? email, string? password, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password) || email.Length > 254)
        {
            return new(SignInOutcome.Invalid, null);
        }

        for (var attempt = 0; attempt < 5; attempt++)
        {
            var account = await accounts.FindByEmailAsync(email, cancellationToken);
            if (account is null)
            {
                // Same work as a real check, so timing does not tell which addresses exist.
                Hasher.VerifyHashedPassword(new Account(), DummyHash, password);
                return new(SignInOutcome.Invalid, null);
            }

            var now = time.GetUtcNow();
            if (account.LockoutEnd > now)
            {
                return new(SignInOutcome.LockedOut, null);
            }

            if (account.PasswordHash.Length == 0)
            {
                // Created by an external sign-in: it has no password to check (and nothing to count).
                Hasher.VerifyHashedPassword(new Account(), DummyHash, password);
                return new(SignInOutcome.Invalid, null);
            }

            var verdict = Hasher.VerifyHashedPassword(account, account.PasswordHash, password);
            if (verdict == PasswordVerificationResult.Failed)
            {
                account.AccessFailedCount++;
                var locked = account.AccessFailedCount >= options.Value.LockoutThreshold;
                if (locked)
                {
                    account.LockoutEnd = now + options.Value.LockoutDuration;
                    account.AccessFailedCount = 0;
                }

                if (!await accounts.TryUpdateAsync(account, cancellationToken))
                {
                    continue;
                }

                if (locked)
                {
                    IdentityLog.LockedOut(logger, account.Id);
                }

                return new(locked ? SignInOutcome.LockedOut : SignInOutcome.Invalid, null);
            }

            if (account.AccessFailedCount != 0 || account.LockoutEnd is not null || verdict == PasswordVerificationResult.SuccessRehashNeeded)
            {
                account.AccessFailedCount = 0;
                account.LockoutEnd = null;
                if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
                {
                    account.PasswordHash = Hasher.HashPassword(account, password);
                }

                if (!await accounts.TryUpdateAsync(account, cancellationToken))
                {
                    continue;
                }
            }

            return new(SignInOutcome.Success, account);
        }

        return new(SignInOutcome.Invalid, null);
    }

    private static string ExternalKey(Guid id) => "EXTERNAL " + id.ToString("N").ToUpperInvariant();

    private static readonly string DummyHash = Hasher.HashPassword(new Account(), Guid.NewGuid().ToString("N"));

    private static MesheryUser ProfileOf(Account account)
    {
        var (first, last) = SplitName(account.Name);
        return new MesheryUser
        {
            Id = account.Id,
            UserId = account.Email.Length == 0 ? account.Id.ToString("D") : account.Email,
            Email = account.Email,
            FirstName = first,
            LastName = last,
            Provider = "Meshery.NET",
            Status = "active",
        };
    }

    private static (string? First, string? Last) SplitName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return (null, null);
        }

        var space = name.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? (name, null) : (name[..space], name[(space + 1)..].Trim());
    }
}
