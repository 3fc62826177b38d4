using System.ComponentModel.DataAnnotations;

namespace Meshery.Provider.Storage.Tables;

/// <summary>
/// Settings of the hosted stores over Azure Table storage (and Blob storage for large documents).
/// Cross-field rules (the credential key's length, the container prefix) are checked by
/// <see cref="TableStorageOptionsValidator"/> at start.
/// </summary>
public sealed class TableStorageOptions
{
    public const string Section = "Meshery:Provider:Storage";

    /// <summary>A storage account connection string; it must name both the table and the blob endpoint.</summary>
    [Required]
    public string ConnectionString { get; set; } = "";

    /// <summary>Prepended to every table name (<c>meshery</c> + <c>environments</c>); letters and digits.</summary>
    [Required]
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{0,29}$", ErrorMessage = "TablePrefix must start with a letter and hold at most 30 letters and digits.")]
    public string TablePrefix { get; set; } = "meshery";

    /// <summary>Prepended to every blob container name; defaults to <see cref="TablePrefix"/> in lower case.</summary>
    public string? BlobContainerPrefix { get; set; }

    /// <summary>Base64 of the 32-byte AES-256-GCM key that encrypts credential secrets at rest.</summary>
    [Required]
    public string CredentialKey { get; set; } = "";

    /// <summary>Create missing tables and containers when the host starts (they are also created on first use).</summary>
    public bool CreateOnStart { get; set; } = true;

    /// <summary>How many (table, tenant) entries the continuation-token cache keeps.</summary>
    [Range(0, 100_000)]
    public int ContinuationCacheSize { get; set; } = 1024;

    /// <summary>How long a cached continuation token is trusted (writes from other instances are not seen sooner).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ContinuationCacheLifetime { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Most entities a sorted or searched list may scan in one tenant partition (a list with
    /// <c>search</c> or a non-key <c>order</c> reads a projection of the whole partition).
    /// </summary>
    [Range(1000, 10_000_000)]
    public int MaxScanEntities { get; set; } = 100_000;

    /// <summary>How many point reads or blob downloads one request runs at once.</summary>
    [Range(1, 64)]
    public int MaxParallelReads { get; set; } = 16;

    /// <summary>How often an unconditional read-modify-write is retried after losing a race (412).</summary>
    [Range(1, 1000)]
    public int MaxConcurrencyRetries { get; set; } = 100;

    /// <summary>The container prefix in effect.</summary>
    public string EffectiveBlobContainerPrefix => string.IsNullOrEmpty(BlobContainerPrefix) ? TablePrefix.ToLowerInvariant() : BlobContainerPrefix;
}
