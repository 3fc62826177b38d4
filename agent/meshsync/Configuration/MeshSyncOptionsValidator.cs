using Microsoft.Extensions.Options;

namespace Meshery.Agent.MeshSync.Configuration;

/// <summary>Cross-field rules of <see cref="MeshSyncOptions"/>; failures name the configuration key.</summary>
public sealed class MeshSyncOptionsValidator : IValidateOptions<MeshSyncOptions>
{
    public ValidateOptionsResult Validate(string? name, MeshSyncOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var url = options.ResolveBrokerUrl();
        if (string.IsNullOrWhiteSpace(url))
        {
            failures.Add($"{MeshSyncOptions.Section}:BrokerUrl (or env BROKER_URL) is required.");
        }
        else if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("nats" or "tls" or "ws" or "wss"))
        {
            failures.Add($"{MeshSyncOptions.Section}:BrokerUrl must be a nats://, tls://, ws:// or wss:// URL.");
        }

        Positive(failures, nameof(options.ListTimeout), options.ListTimeout);
        Positive(failures, nameof(options.WatchTimeout), options.WatchTimeout);
        Positive(failures, nameof(options.BackoffInitial), options.BackoffInitial);
        Positive(failures, nameof(options.ForbiddenRetryInterval), options.ForbiddenRetryInterval);
        Positive(failures, nameof(options.ConfigRetryInterval), options.ConfigRetryInterval);
        if (options.BackoffMax < options.BackoffInitial)
        {
            failures.Add($"{MeshSyncOptions.Section}:BackoffMax must not be less than BackoffInitial.");
        }

        if (options.BrokerStartWait < TimeSpan.Zero)
        {
            failures.Add($"{MeshSyncOptions.Section}:BrokerStartWait must not be negative.");
        }

        if (options.ResyncInterval < TimeSpan.Zero)
        {
            failures.Add($"{MeshSyncOptions.Section}:ResyncInterval must not be negative.");
        }

        if (options.KubeConfigPath is { Length: > 0 } path && !File.Exists(path))
        {
            failures.Add($"{MeshSyncOptions.Section}:KubeConfigPath: file \"{path}\" does not exist.");
        }

        if (string.IsNullOrWhiteSpace(options.ConfigNamespace) || string.IsNullOrWhiteSpace(options.ConfigName))
        {
            failures.Add($"{MeshSyncOptions.Section}:ConfigNamespace and ConfigName are required.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Positive(List<string> failures, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{MeshSyncOptions.Section}:{key} must be positive.");
        }
    }
}
