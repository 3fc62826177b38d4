using Microsoft.Extensions.Logging;

namespace Meshery.Provider.Storage.Tables;

/// <summary>Log messages of the hosted stores (event ids 1100-1199). Never logs documents or secrets.</summary>
internal static partial class TableStorageLog
{
    [LoggerMessage(1101, LogLevel.Information, "Table storage ready: {Tables} tables and {Containers} blob containers with prefix {Prefix}")]
    public static partial void Ready(ILogger logger, int tables, int containers, string prefix);

    [LoggerMessage(1102, LogLevel.Warning, "Table storage request on {Table} failed: status {Status}, code {ErrorCode}")]
    public static partial void RequestFailed(ILogger logger, string table, int status, string? errorCode, Exception exception);

    [LoggerMessage(1103, LogLevel.Debug, "Write to {Table} lost a race (attempt {Attempt}); reading again")]
    public static partial void Retrying(ILogger logger, string table, int attempt);

    [LoggerMessage(1104, LogLevel.Warning, "Could not delete blob {Blob} in {Container}; it is left behind")]
    public static partial void BlobLeftBehind(ILogger logger, string container, string blob, Exception exception);

    [LoggerMessage(1105, LogLevel.Error, "Table storage could not be prepared at start; it will be tried again on first use")]
    public static partial void StartFailed(ILogger logger, Exception exception);

    [LoggerMessage(1106, LogLevel.Warning, "A connection's credential {CredentialId} was created but the connection was not saved; removing it")]
    public static partial void OrphanCredential(ILogger logger, Guid credentialId);
}
