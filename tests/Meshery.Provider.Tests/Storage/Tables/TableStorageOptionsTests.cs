using Meshery.Provider.Storage;
using Meshery.Provider.Storage.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Meshery.Provider.Tests.Storage.Tables;

public sealed class TableStorageOptionsTests
{
    [Fact]
    public void MissingConnectionStringAndKeyStopStartNamingTheKeys()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new()));

        Assert.Contains("ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.Contains("CredentialKey", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CredentialKey", "c2hvcnQ=", "Meshery:Provider:Storage:CredentialKey")]
    [InlineData("TablePrefix", "9starts-with-digit", "TablePrefix")]
    [InlineData("BlobContainerPrefix", "Upper", "Meshery:Provider:Storage:BlobContainerPrefix")]
    public void BadValuesAreNamed(string key, string value, string named)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new() { [key] = value }));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidSettingsPass()
    {
        var options = Resolve(new() { ["BlobContainerPrefix"] = "my-blobs" });

        Assert.Equal("my-blobs", options.EffectiveBlobContainerPrefix);
        Assert.Equal("meshery", options.TablePrefix);
    }

    private static TableStorageOptions Resolve(Dictionary<string, string?> overrides)
    {
        var values = new Dictionary<string, string?>
        {
            ["ConnectionString"] = "UseDevelopmentStorage=true",
            ["CredentialKey"] = Convert.ToBase64String(new byte[32]),
        };
        if (overrides.Count == 0)
        {
            values.Clear();
        }

        foreach (var (key, value) in overrides)
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(values.ToDictionary(p => $"{TableStorageOptions.Section}:{p.Key}", p => p.Value))
            .Build();
        using var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddTableStorage().BuildServiceProvider();
        return services.GetRequiredService<IOptions<TableStorageOptions>>().Value;
    }
}
