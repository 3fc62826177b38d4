using System.ComponentModel.DataAnnotations;

namespace Meshery.Agent.LocalProvider;

/// <summary>Settings of the built-in Local provider (offline mode).</summary>
public sealed class LocalProviderOptions
{
    public const string Section = "Meshery:LocalProvider";

    /// <summary>The SQLite file; defaults to <c>~/.meshery/config/mesherydb.sql</c> as upstream Meshery.</summary>
    public string DatabasePath { get; set; } = DefaultDatabasePath();

    /// <summary>How long a write waits for another writer's lock before failing with a clear error.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The file holding the key that encrypts credentials at rest; defaults to
    /// <c>credentials.key</c> beside the database, created with owner-only permissions.
    /// </summary>
    public string? CredentialKeyPath { get; set; }

    public static string DefaultDatabasePath() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".meshery", "config", "mesherydb.sql");
}
