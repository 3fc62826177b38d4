namespace Meshery.ExtensionPoints.Credentials;

/// <summary>A page of credentials, secrets left out.</summary>
public sealed record CredentialPage(IReadOnlyList<Credential> Credentials, int TotalCount, int Page, int PageSize);
