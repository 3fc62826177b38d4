using System.Security.Claims;
using System.Text;
using Meshery.Provider.Auth;
using Meshery.Testing.Tokens;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Meshery.Provider.Tests.Auth;

public sealed class ProviderTokenValidatorTests : IDisposable
{
    private readonly TestTokenIssuer _issuer = new();
    private readonly ProviderTokenValidator _validator;
    private readonly Guid _user = Guid.NewGuid();

    public ProviderTokenValidatorTests()
    {
        _validator = Validator(TimeProvider.System);
    }

    public void Dispose() => _issuer.Dispose();

    [Fact]
    public async Task A_raw_access_token_is_accepted_and_names_the_user_and_system()
    {
        var system = Guid.NewGuid();
        var check = await _validator.ValidateAsync(_issuer.Mint(_user), system.ToString());

        Assert.True(check.IsValid, check.Failure);
        Assert.Equal(_user, check.UserId);
        Assert.Equal(system.ToString("D"), check.Principal!.FindFirstValue(ProviderClaims.SystemId));
    }

    [Fact]
    public async Task Mesherys_base64_oauth_token_form_is_accepted_with_and_without_padding()
    {
        var json = $$"""{"access_token":"{{_issuer.Mint(_user)}}","token_type":"Bearer","refresh_token":"r","expiry":"2030-01-01T00:00:00Z"}""";
        var padded = Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
        var unpadded = padded.TrimEnd('=');

        Assert.True((await _validator.ValidateAsync(unpadded, null)).IsValid);
        Assert.True((await _validator.ValidateAsync(padded, null)).IsValid);
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        var token = _issuer.Mint(_user, lifetime: TimeSpan.FromMinutes(5), now: DateTime.UtcNow.AddHours(-2));

        var check = await _validator.ValidateAsync(token, null);

        Assert.False(check.IsValid);
        Assert.Contains("expired", check.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_remembered_token_still_expires()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var validator = Validator(time);
        var token = _issuer.Mint(_user, lifetime: TimeSpan.FromMinutes(5), now: time.GetUtcNow().UtcDateTime);
        Assert.True((await validator.ValidateAsync(token, null)).IsValid);
        Assert.True((await validator.ValidateAsync(token, null)).IsValid);

        time.Advance(TimeSpan.FromMinutes(6));
        var check = await validator.ValidateAsync(token, null);

        Assert.False(check.IsValid);
        Assert.Contains("expired", check.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_remembered_token_answers_like_a_fresh_check_with_this_requests_system_id()
    {
        var token = _issuer.Mint(_user);
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());

        var fresh = await _validator.ValidateAsync(token, first.ToString());
        var remembered = await _validator.ValidateAsync(token, second.ToString());
        var withoutSystem = await _validator.ValidateAsync(token, null);

        Assert.True(remembered.IsValid, remembered.Failure);
        Assert.Equal(_user, remembered.UserId);
        Assert.Equal(
            fresh.Principal!.Claims.Where(c => c.Type != ProviderClaims.SystemId).Select(c => (c.Type, c.Value)),
            remembered.Principal!.Claims.Where(c => c.Type != ProviderClaims.SystemId).Select(c => (c.Type, c.Value)));
        Assert.Equal(second.ToString("D"), remembered.Principal.FindFirstValue(ProviderClaims.SystemId));
        Assert.Null(withoutSystem.Principal!.FindFirstValue(ProviderClaims.SystemId));
        Assert.Equal(_user.ToString("D"), remembered.Principal.Identity!.Name);
    }

    [Fact]
    public async Task A_token_for_another_audience_or_issuer_is_refused()
    {
        Assert.Contains("audience", (await _validator.ValidateAsync(_issuer.Mint(_user, audience: "someone-else"), null)).Failure, StringComparison.Ordinal);
        Assert.Contains("issuer", (await _validator.ValidateAsync(_issuer.Mint(_user, issuer: "https://evil.test"), null)).Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_signed_by_an_unknown_key_is_refused()
    {
        using var stranger = new TestTokenIssuer(kid: _issuer.Kid);

        var check = await _validator.ValidateAsync(stranger.Mint(_user), null);

        Assert.False(check.IsValid);
    }

    [Fact]
    public async Task A_token_with_an_unknown_kid_is_refused()
    {
        using var stranger = new TestTokenIssuer();

        var check = await _validator.ValidateAsync(stranger.Mint(_user), null);

        Assert.False(check.IsValid);
        Assert.Contains("unknown key", check.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tampered_payload_is_refused()
    {
        var parts = _issuer.Mint(_user).Split('.');
        var other = Base64UrlEncoder.Encode($$"""{"sub":"{{Guid.NewGuid()}}","iss":"{{_issuer.Issuer}}","aud":"{{_issuer.Audience}}","exp":4102444800}""");

        var check = await _validator.ValidateAsync($"{parts[0]}.{other}.{parts[2]}", null);

        Assert.False(check.IsValid);
    }

    [Fact]
    public async Task Alg_none_and_a_missing_kid_are_refused()
    {
        var header = Base64UrlEncoder.Encode($$"""{"alg":"none","typ":"JWT","kid":"{{_issuer.Kid}}"}""");
        var payload = Base64UrlEncoder.Encode($$"""{"sub":"{{_user}}","iss":"{{_issuer.Issuer}}","aud":"{{_issuer.Audience}}","exp":4102444800}""");
        var unsigned = await _validator.ValidateAsync($"{header}.{payload}.", null);

        var noKid = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = _issuer.Issuer,
            Audience = _issuer.Audience,
            Subject = new ClaimsIdentity([new Claim("sub", _user.ToString())]),
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(_issuer.Key.Rsa), SecurityAlgorithms.RsaSha256),
        });
        var missingKid = await _validator.ValidateAsync(noKid, null);

        Assert.False(unsigned.IsValid);
        Assert.False(missingKid.IsValid);
        Assert.Contains("kid", missingKid.Failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a token")]
    [InlineData("bm90IGpzb24")]
    public async Task Garbage_is_refused(string presented) => Assert.False((await _validator.ValidateAsync(presented, null)).IsValid);

    [Fact]
    public async Task A_subject_that_is_not_a_user_id_is_refused()
    {
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = _issuer.Issuer,
            Audience = _issuer.Audience,
            Subject = new ClaimsIdentity([new Claim("sub", "alice")]),
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(_issuer.Key, SecurityAlgorithms.RsaSha256),
        });

        Assert.False((await _validator.ValidateAsync(token, null)).IsValid);
    }

    private ProviderTokenValidator Validator(TimeProvider time)
    {
        var options = new ProviderTokenOptions { Issuer = _issuer.Issuer, Audience = _issuer.Audience };
        options.SigningKeys.Add(new SigningKeyOptions { Kid = _issuer.Kid, PublicKeyPem = _issuer.PublicKeyPem });
        return new ProviderTokenValidator(Options.Create(options), time);
    }
}
