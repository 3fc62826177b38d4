using Microsoft.Extensions.Logging;

namespace Meshery.Agent.LocalProvider;

internal static partial class LocalProviderLog
{
    [LoggerMessage(2001, LogLevel.Information, "Applied local database migration {Version} ({Name}) to {Path}")]
    public static partial void MigrationApplied(ILogger logger, int version, string name, string path);

    [LoggerMessage(2002, LogLevel.Warning, "Local database error {Code} on {Path}")]
    public static partial void DatabaseError(ILogger logger, int code, string path, Exception exception);

    [LoggerMessage(2003, LogLevel.Information, "Local provider ready: database {Path}")]
    public static partial void Ready(ILogger logger, string path);

    [LoggerMessage(2004, LogLevel.Error, "Local provider cannot start: {Reason}")]
    public static partial void StartFailed(ILogger logger, string reason, Exception exception);

    [LoggerMessage(2005, LogLevel.Information, "Created a new credential encryption key at {Path}")]
    public static partial void CredentialKeyCreated(ILogger logger, string path);
}
