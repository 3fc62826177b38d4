using Meshery.ExtensionPoints;

namespace Meshery.ExtensionPoints.Conformance.Tests.Support;

/// <summary>The double's tokens: <c>user-&lt;guid&gt;</c>, the guid being the user id (real JWTs belong to the provider host).</summary>
public static class DoubleTokens
{
    public const string Prefix = "user-";

    public static string For(Guid userId) => Prefix + userId.ToString("D");

    public static string NewToken() => For(Guid.NewGuid());

    public static ProviderCaller Caller(string token, Guid? systemId = null) =>
        TryRead(token, out var id) ? new ProviderCaller(id, token, systemId) : throw new ArgumentException("not a double token", nameof(token));

    public static bool TryRead(string? token, out Guid userId)
    {
        userId = Guid.Empty;
        return token is not null && token.StartsWith(Prefix, StringComparison.Ordinal)
            && Guid.TryParse(token.AsSpan(Prefix.Length), out userId) && userId != Guid.Empty;
    }
}
