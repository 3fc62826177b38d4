using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Meshery.Provider.Storage.Tables;

/// <summary>Rules data annotations cannot say: the key's decoded length and the container prefix's form.</summary>
public sealed partial class TableStorageOptionsValidator : IValidateOptions<TableStorageOptions>
{
    public ValidateOptionsResult Validate(string? name, TableStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!string.IsNullOrEmpty(options.CredentialKey) && CredentialKeyBytes(options.CredentialKey) is null)
        {
            failures.Add($"{TableStorageOptions.Section}:CredentialKey must be the base64 of exactly 32 bytes (an AES-256 key).");
        }

        if (!string.IsNullOrEmpty(options.BlobContainerPrefix) && !ContainerPrefix().IsMatch(options.BlobContainerPrefix))
        {
            failures.Add($"{TableStorageOptions.Section}:BlobContainerPrefix must hold at most 30 lower-case letters, digits and single hyphens.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The key's bytes, or null when the value is not base64 of 32 bytes.</summary>
    public static byte[]? CredentialKeyBytes(string value)
    {
        var buffer = new byte[33];
        return Convert.TryFromBase64String(value.Trim(), buffer, out var written) && written == 32 ? buffer[..32] : null;
    }

    [GeneratedRegex("^[a-z0-9](?:-?[a-z0-9]){0,29}$", RegexOptions.CultureInvariant)]
    private static partial Regex ContainerPrefix();
}
