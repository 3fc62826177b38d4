namespace Meshery.Provider.Storage.Tables;

/// <summary>A document to write and any extra properties kept beside it (never inside it), such as an encrypted secret.</summary>
public sealed record DocumentWrite<T>(T Document, IReadOnlyDictionary<string, object>? Extra = null);
