using System.Text.Json;
using Meshery.Agent.MeshSync.Configuration;
using Meshery.Agent.MeshSync.Messages;

namespace Meshery.Agent.MeshSync.Tests.Configuration;

public sealed class ConfigurationTests
{
    private static readonly ResourceKey Pods = ResourceKey.Parse("pods.v1.");
    private static readonly ResourceKey ConfigMaps = ResourceKey.Parse("configmaps.v1.");

    [Fact]
    public void Blacklist_hides_its_keys_and_nothing_else()
    {
        var config = WatchListConfig.FromSpec(Spec("blacklist", """["pods.v1."]"""));

        Assert.True(config.IsBlacklist);
        Assert.False(config.Watches(Pods));
        Assert.True(config.Watches(ConfigMaps));
        Assert.True(config.Publishes(ConfigMaps, MeshSyncEventTypes.Deleted));
    }

    [Fact]
    public void Whitelist_watches_only_its_keys_and_publishes_only_their_events()
    {
        var config = WatchListConfig.FromSpec(Spec("whitelist", """[{"Resource":"pods.v1.","Events":["ADDED","DELETED"]}]"""));

        Assert.True(config.IsWhitelist);
        Assert.True(config.Watches(Pods));
        Assert.False(config.Watches(ConfigMaps));
        Assert.True(config.Publishes(Pods, MeshSyncEventTypes.Added));
        Assert.False(config.Publishes(Pods, MeshSyncEventTypes.Modified));
    }

    [Fact]
    public void Missing_watch_list_means_defaults_and_a_malformed_one_throws()
    {
        Assert.Same(WatchListConfig.Default, WatchListConfig.FromSpec(JsonDocument.Parse("""{"size":1}""").RootElement));
        Assert.ThrowsAny<JsonException>(() => WatchListConfig.FromSpec(Spec("blacklist", "not json")));
    }

    [Fact]
    public void Options_validation_names_the_broken_keys()
    {
        var validator = new MeshSyncOptionsValidator();

        var bad = validator.Validate(null, new MeshSyncOptions { BrokerUrl = "http://x", BackoffInitial = TimeSpan.FromSeconds(5), BackoffMax = TimeSpan.FromSeconds(1) });
        var good = validator.Validate(null, new MeshSyncOptions { BrokerUrl = "nats://token@127.0.0.1:4222" });

        Assert.True(bad.Failed);
        Assert.Contains("Meshery:MeshSync:BrokerUrl", bad.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("BackoffMax", bad.FailureMessage, StringComparison.Ordinal);
        Assert.True(good.Succeeded);
    }

    private static JsonElement Spec(string key, string value) =>
        JsonDocument.Parse(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["watch-list"] = new Dictionary<string, object> { ["data"] = new Dictionary<string, string> { [key] = value } },
        })).RootElement;
}
