using System.Net;
using Duende.IdentityModel.Client;

namespace Meshery.Cli.Auth;

/// <summary>
/// The provider's OAuth 2.0 endpoints as its OpenID discovery document names them, called with
/// Duende.IdentityModel. Transport and discovery failures become one-line <see cref="CliException"/>s;
/// protocol answers (errors included) are returned for the caller to judge.
/// </summary>
public sealed class ProviderOAuthClient : IDisposable
{
    private readonly HttpClient _http;
    private DiscoveryDocumentResponse? _discovery;

    public ProviderOAuthClient(Uri provider, string? caFile)
    {
        ArgumentNullException.ThrowIfNull(provider);
        Provider = provider;
        _http = ProviderHttp.Create(caFile);
    }

    public Uri Provider { get; }

    /// <summary>The discovery document, fetched once; its issuer must be the provider's URL.</summary>
    public async Task<DiscoveryDocumentResponse> DiscoverAsync(CancellationToken cancellationToken)
    {
        if (_discovery is not null)
        {
            return _discovery;
        }

        var discovery = await _http.GetDiscoveryDocumentAsync(new DiscoveryDocumentRequest { Address = Provider.AbsoluteUri }, cancellationToken).ConfigureAwait(false);
        if (discovery.IsError)
        {
            throw discovery.ErrorType switch
            {
                ResponseErrorType.Exception => Unreachable(discovery),
                ResponseErrorType.Http => new CliException(
                    $"the provider at {Provider} answered {(int)discovery.HttpStatusCode} for its OpenID discovery document (.well-known/openid-configuration); is it a Meshery provider with sign-in?"),
                _ => new CliException($"the provider at {Provider} has an unusable discovery document: {discovery.Error}"),
            };
        }

        _discovery = discovery;
        return discovery;
    }

    public async Task<DeviceAuthorizationResponse> RequestDeviceCodeAsync(string clientId, string scope, CancellationToken cancellationToken)
    {
        var discovery = await DiscoverAsync(cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(discovery.DeviceAuthorizationEndpoint))
        {
            throw new CliException($"the provider at {Provider} does not offer the device flow (no device_authorization_endpoint)");
        }

        var answer = await _http.RequestDeviceAuthorizationAsync(
            new DeviceAuthorizationRequest { Address = discovery.DeviceAuthorizationEndpoint, ClientId = clientId, Scope = scope }, cancellationToken).ConfigureAwait(false);
        return answer.ErrorType == ResponseErrorType.Exception ? throw Unreachable(answer) : answer;
    }

    /// <summary>One device-code poll; network failures come back as errors of type <see cref="ResponseErrorType.Exception"/>.</summary>
    public async Task<TokenResponse> PollAsync(string clientId, string deviceCode, CancellationToken cancellationToken)
    {
        var discovery = await DiscoverAsync(cancellationToken).ConfigureAwait(false);
        return await _http.RequestDeviceTokenAsync(
            new DeviceTokenRequest { Address = discovery.TokenEndpoint, ClientId = clientId, DeviceCode = deviceCode }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<TokenResponse> RefreshAsync(string clientId, string refreshToken, CancellationToken cancellationToken)
    {
        var discovery = await DiscoverAsync(cancellationToken).ConfigureAwait(false);
        var answer = await _http.RequestRefreshTokenAsync(
            new RefreshTokenRequest { Address = discovery.TokenEndpoint, ClientId = clientId, RefreshToken = refreshToken }, cancellationToken).ConfigureAwait(false);
        return answer.ErrorType == ResponseErrorType.Exception ? throw Unreachable(answer) : answer;
    }

    /// <summary>Revokes a refresh token (RFC 7009); network failures come back as errors of type <see cref="ResponseErrorType.Exception"/>.</summary>
    public async Task<TokenRevocationResponse> RevokeAsync(string clientId, string refreshToken, CancellationToken cancellationToken)
    {
        var discovery = await DiscoverAsync(cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(discovery.RevocationEndpoint))
        {
            throw new CliException($"the provider at {Provider} does not offer token revocation (no revocation_endpoint)");
        }

        return await _http.RevokeTokenAsync(
            new TokenRevocationRequest { Address = discovery.RevocationEndpoint, ClientId = clientId, Token = refreshToken, TokenTypeHint = "refresh_token" },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The one line for a provider that could not be reached.</summary>
    public CliException Unreachable(ProtocolResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var reason = response.Exception switch
        {
            HttpRequestException { InnerException: { } inner } => inner.Message,
            TaskCanceledException => $"no answer within {ProviderHttp.RequestTimeout.TotalSeconds:0} s",
            { } other => other.Message,
            null => response.Error ?? "unknown error",
        };
        return new CliException($"cannot reach the provider at {Provider}: {reason}", response.Exception!);
    }

    /// <summary>"error: description" of a protocol error answer.</summary>
    public static string Describe(ProtocolResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var description = response.Json?.TryGetProperty("error_description", out var d) == true ? d.GetString() : null;
        return string.IsNullOrEmpty(description) ? response.Error ?? response.HttpStatusCode.ToString() : $"{response.Error}: {description}";
    }

    internal static bool IsNetworkFailure(ProtocolResponse response) =>
        response.ErrorType == ResponseErrorType.Exception || response.HttpStatusCode is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    public void Dispose() => _http.Dispose();
}
