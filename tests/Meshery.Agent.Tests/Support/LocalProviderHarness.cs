using Meshery.Agent.LocalProvider;
using Meshery.Agent.LocalProvider.Connections;
using Meshery.Agent.LocalProvider.Credentials;
using Meshery.Agent.LocalProvider.Designs;
using Meshery.Agent.LocalProvider.Environments;
using Meshery.Agent.LocalProvider.Events;
using Meshery.Agent.LocalProvider.Organizations;
using Meshery.Agent.LocalProvider.Outbox;
using Meshery.Agent.LocalProvider.Performance;
using Meshery.Agent.LocalProvider.Preferences;
using Meshery.Agent.LocalProvider.Storage;
using Meshery.Agent.LocalProvider.Workspaces;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Meshery.Agent.Tests.Support;

/// <summary>
/// The Local provider built by hand over one SQLite file: the database and every store, as the
/// agent wires them, with a <see cref="FakeTimeProvider"/> that moves a millisecond per reading.
/// </summary>
public sealed class LocalProviderHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Epoch = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public LocalProviderHarness(string databasePath, TimeSpan? busyTimeout = null, TimeProvider? time = null, OutboxOptions? outbox = null)
    {
        Options = new LocalProviderOptions { DatabasePath = databasePath, BusyTimeout = busyTimeout ?? TimeSpan.FromSeconds(5) };
        Time = time ?? new FakeTimeProvider(Epoch) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };
        var options = Microsoft.Extensions.Options.Options.Create(Options);
        Database = new LocalDatabase(
            options, NullLogger<LocalDatabase>.Instance, outbox is null ? null : new OutboxSettings(Microsoft.Extensions.Options.Options.Create(outbox)));
        Outbox = new SqliteOutbox(Database);
        Protector = new CredentialProtector(options, NullLogger<CredentialProtector>.Instance);
        Preferences = new SqlitePreferencesStore(Database, Time);
        Organizations = new SqliteOrganizationStore(Database);
        Environments = new SqliteEnvironmentStore(Database, Time);
        Workspaces = new SqliteWorkspaceStore(Database, Time);
        Credentials = new SqliteCredentialStore(Database, Protector, Time);
        Connections = new SqliteConnectionStore(Database, Credentials, Time);
        Profiles = new SqlitePerformanceProfileStore(Database, Time);
        Results = new SqlitePerformanceResultStore(Database, Time);
        Designs = new SqliteDesignStore(Database, Time);
        Events = new SqliteEventStore(Database, Time);
    }

    public LocalProviderOptions Options { get; }

    public TimeProvider Time { get; }

    public LocalDatabase Database { get; }

    public SqliteOutbox Outbox { get; }

    public CredentialProtector Protector { get; }

    public SqlitePreferencesStore Preferences { get; }

    public SqliteOrganizationStore Organizations { get; }

    public SqliteEnvironmentStore Environments { get; }

    public SqliteWorkspaceStore Workspaces { get; }

    public SqliteCredentialStore Credentials { get; }

    public SqliteConnectionStore Connections { get; }

    public SqlitePerformanceProfileStore Profiles { get; }

    public SqlitePerformanceResultStore Results { get; }

    public SqliteDesignStore Designs { get; }

    public SqliteEventStore Events { get; }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
