namespace Meshery.Agent.RemoteProvider.Tokens;

/// <summary><c>{"token": "..."}</c>: the body of the provider's <c>/introspect</c>, <c>/refresh</c> and <c>/revoke</c>, and <c>/refresh</c>'s answer.</summary>
public sealed record TokenBody
{
    public string? Token { get; set; }
}
