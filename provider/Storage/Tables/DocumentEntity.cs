using Azure;
using Azure.Data.Tables;
using Meshery.ExtensionPoints;

namespace Meshery.Provider.Storage.Tables;

/// <summary>A document as read, with the raw entity (for columns kept beside it) and its ETag.</summary>
public sealed record DocumentEntity<T>(T Value, ETag ETag, TableEntity Entity)
{
    public string? Blob => DocumentParts.BlobOf(Entity);

    public Stored<T> ToStored() => new(Value, ETag.ToString());
}
