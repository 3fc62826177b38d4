namespace Meshery.ExtensionPoints.Errors;

/// <summary>Why a provider call failed; hosts map each kind to one HTTP status.</summary>
public enum ProviderErrorKind
{
    /// <summary>The input is malformed or out of range (400).</summary>
    Invalid,

    /// <summary>No such entity for this caller (404).</summary>
    NotFound,

    /// <summary>A create collided with an existing entity (409).</summary>
    Conflict,

    /// <summary>An <c>If-Match</c> precondition did not hold: someone else wrote first (412).</summary>
    PreconditionFailed,

    /// <summary>The caller's credentials are missing, expired or refused (401).</summary>
    Unauthorized,

    /// <summary>The caller may not do this (403).</summary>
    Forbidden,

    /// <summary>The store cannot serve now: locked, corrupt or unreachable (503).</summary>
    Unavailable,
}
