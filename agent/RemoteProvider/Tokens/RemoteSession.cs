namespace Meshery.Agent.RemoteProvider.Tokens;

/// <summary>
/// A verified session with the remote provider: the user, and the cookie value to send on as Meshery's
/// bearer (a refreshed one when <see cref="Rotated"/>).
/// </summary>
public sealed record RemoteSession(Guid UserId, TokenCookie Token, bool Rotated);
