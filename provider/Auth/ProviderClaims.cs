namespace Meshery.Provider.Auth;

/// <summary>Claim types the provider reads from a validated token and the request.</summary>
public static class ProviderClaims
{
    public const string Subject = "sub";
    public const string SystemId = "meshery:system_id";
    public const string Token = "meshery:token";
    public const string Scheme = "MesheryToken";
}
