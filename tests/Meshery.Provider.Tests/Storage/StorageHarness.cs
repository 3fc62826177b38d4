using System.Security.Cryptography;
using Meshery.ExtensionPoints;
using Meshery.Provider.Storage;
using Meshery.Provider.Storage.Tables;
using Meshery.Testing.Azurite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Meshery.Provider.Tests.Storage;

/// <summary>The hosted stores wired as <c>AddTableStorage</c> wires them, over Azurite, with tables of their own.</summary>
public sealed class StorageHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private StorageHarness(ServiceProvider services, string prefix)
    {
        _services = services;
        Prefix = prefix;
    }

    public string Prefix { get; }

    public TableStorage Storage => Get<TableStorage>();

    public static async Task<StorageHarness> StartAsync(
        AzuriteFixture azurite, TimeProvider? time = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        var prefix = azurite.NextId();
        var values = new Dictionary<string, string?>
        {
            [$"{TableStorageOptions.Section}:ConnectionString"] = azurite.ConnectionString,
            [$"{TableStorageOptions.Section}:TablePrefix"] = prefix,
            [$"{TableStorageOptions.Section}:CredentialKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[$"{TableStorageOptions.Section}:{key}"] = value;
        }

        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddTableStorage();
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await provider.GetRequiredService<TableStorage>().EnsureCreatedAsync(TestContext.Current.CancellationToken);
        return new StorageHarness(provider, prefix);
    }

    public static ProviderCaller NewCaller() => new(Guid.NewGuid());

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
