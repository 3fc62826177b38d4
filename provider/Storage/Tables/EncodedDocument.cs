using Azure.Data.Tables;

namespace Meshery.Provider.Storage.Tables;

/// <summary>An entity ready to write, and the blob uploaded for it (to remove if the write fails).</summary>
public sealed record EncodedDocument(TableEntity Entity, string? UploadedBlob);
