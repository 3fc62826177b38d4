namespace Meshery.Provider.Identity.Accounts;

/// <summary>The outcome of a password check.</summary>
public enum SignInOutcome
{
    Success,
    Invalid,
    LockedOut,
}

/// <summary>The account signed in (on success) and the outcome.</summary>
public sealed record SignInResult(SignInOutcome Outcome, Account? Account);
