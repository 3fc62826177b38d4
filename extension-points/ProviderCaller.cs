namespace Meshery.ExtensionPoints;

/// <summary>
/// Who a provider call is made for. Stores scope every read and write to <see cref="UserId"/>;
/// the remote client forwards <see cref="Token"/> (Meshery's cookie value) as the bearer.
/// </summary>
public sealed record ProviderCaller(Guid UserId, string? Token = null, Guid? SystemId = null);
