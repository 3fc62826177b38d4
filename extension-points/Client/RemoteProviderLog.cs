using Microsoft.Extensions.Logging;

namespace Meshery.ExtensionPoints.Client;

/// <summary>Log messages of the remote provider client (event ids 1900-1999).</summary>
internal static partial class RemoteProviderLog
{
    [LoggerMessage(EventId = 1900, Level = LogLevel.Information, Message = "Loaded the capabilities of provider '{ProviderName}' at {BaseAddress}: {FeatureCount} features")]
    public static partial void CapabilitiesLoaded(ILogger logger, string providerName, Uri baseAddress, int featureCount);

    [LoggerMessage(EventId = 1901, Level = LogLevel.Warning, Message = "The provider at {BaseAddress} could not be reached for its capabilities (attempt {Attempt} of {Attempts}); trying again")]
    public static partial void CapabilitiesRetry(ILogger logger, Uri baseAddress, int attempt, int attempts, Exception exception);

    [LoggerMessage(EventId = 1902, Level = LogLevel.Debug, Message = "{Call} answered {Status}")]
    public static partial void Answered(ILogger logger, string call, int status);
}
