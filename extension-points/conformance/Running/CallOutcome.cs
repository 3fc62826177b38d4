using Meshery.ExtensionPoints.Errors;

namespace Meshery.ExtensionPoints.Conformance.Running;

/// <summary>What a client call returned or threw, with the exchange it made.</summary>
internal sealed record CallOutcome<T>(T? Value, RecordedExchange? Exchange, ProviderException? Error);
