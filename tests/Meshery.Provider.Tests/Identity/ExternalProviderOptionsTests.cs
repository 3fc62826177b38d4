using Meshery.Provider.Identity;
using Microsoft.Extensions.Configuration;

namespace Meshery.Provider.Tests.Identity;

/// <summary><c>Meshery:Provider:Identity:ExternalProviders</c> is checked at start-up, each failure naming its key.</summary>
public sealed class ExternalProviderOptionsTests
{
    private const string P = "Meshery:Provider:Identity:ExternalProviders";

    [Fact]
    public void A_complete_provider_passes_and_none_at_all_passes()
    {
        Assert.True(Validate(new() { [$"{P}:0:Name"] = "corp-sso", [$"{P}:0:Issuer"] = "https://login.example.test/tenant", [$"{P}:0:ClientId"] = "meshery", [$"{P}:0:Scopes:0"] = "email" }).Succeeded);
        Assert.True(Validate([]).Succeeded);
    }

    [Theory]
    [InlineData("Name", "not/url-safe", $"{P}:0:Name")]
    [InlineData("Name", "", $"{P}:0:Name")]
    [InlineData("Issuer", "login.example.test", $"{P}:0:Issuer")]
    [InlineData("Issuer", "https://login.example.test/?tenant=1", $"{P}:0:Issuer")]
    [InlineData("Issuer", "ftp://login.example.test", $"{P}:0:Issuer")]
    [InlineData("ClientId", "", $"{P}:0:ClientId")]
    [InlineData("Scopes:0", "email profile", $"{P}:0:Scopes")]
    public void A_bad_value_is_refused_naming_its_key(string key, string value, string named)
    {
        var settings = new Dictionary<string, string?> { [$"{P}:0:Name"] = "corp", [$"{P}:0:Issuer"] = "https://login.example.test", [$"{P}:0:ClientId"] = "meshery" };
        settings[$"{P}:0:{key}"] = value;

        var result = Validate(settings);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith(named, StringComparison.Ordinal));
    }

    [Fact]
    public void Two_providers_with_one_name_are_refused()
    {
        var result = Validate(new()
        {
            [$"{P}:0:Name"] = "corp", [$"{P}:0:Issuer"] = "https://a.example.test", [$"{P}:0:ClientId"] = "a",
            [$"{P}:1:Name"] = "corp", [$"{P}:1:Issuer"] = "https://b.example.test", [$"{P}:1:ClientId"] = "b",
        });

        Assert.Contains(result.Failures!, f => f.Contains($"{P} must have distinct Name values", StringComparison.Ordinal));
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(Dictionary<string, string?> settings)
    {
        settings["Meshery:Provider:Tokens:Issuer"] = "https://provider.example.test";
        settings["Meshery:Provider:Identity:EncryptionKey"] = Convert.ToBase64String(new byte[32]);
        settings["Meshery:Provider:Identity:SigningKeys:0:Kid"] = "k1";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var options = new IdentityServerOptions();
        configuration.GetSection(IdentityServerOptions.Section).Bind(options);
        return new IdentityServerOptionsValidator(configuration).Validate(null, options);
    }
}
