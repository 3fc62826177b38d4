namespace Meshery.Agent.RemoteProvider.Tokens;

/// <summary>The verdict on a presented token: a session, or why there is none.</summary>
public sealed record SessionCheck(RemoteSession? Session, string? Failure)
{
    public static SessionCheck Valid(RemoteSession session) => new(session, null);

    public static SessionCheck Invalid(string failure) => new(null, failure);
}
