namespace Meshery.Provider.Storage.Tables;

/// <summary>Where a document lives, and the id its messages name.</summary>
public readonly record struct DocumentKey(string Partition, string Row, object Id);
