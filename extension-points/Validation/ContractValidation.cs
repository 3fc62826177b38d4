using Meshery.ExtensionPoints.Errors;

namespace Meshery.ExtensionPoints.Validation;

/// <summary>Input rules every provider implementation applies the same way.</summary>
public static class ContractValidation
{
    public const int MaxNameLength = 255;
    public const int MaxDescriptionLength = 1000;

    /// <summary>A non-blank name of at most <paramref name="maxLength"/> characters, trimmed.</summary>
    public static string RequireName(string? name, string field = "name", int maxLength = MaxNameLength)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw ProviderException.Invalid($"'{field}' is required.");
        }

        var trimmed = name.Trim();
        return trimmed.Length <= maxLength
            ? trimmed
            : throw ProviderException.Invalid($"'{field}' is longer than {maxLength} characters.");
    }

    public static string OptionalText(string? text, string field, int maxLength = MaxDescriptionLength)
    {
        var value = text ?? "";
        return value.Length <= maxLength
            ? value
            : throw ProviderException.Invalid($"'{field}' is longer than {maxLength} characters.");
    }

    public static string OneOf(string? value, string field, Func<string?, bool> isKnown, string fallback)
    {
        ArgumentNullException.ThrowIfNull(isKnown);
        if (string.IsNullOrEmpty(value))
        {
            return fallback;
        }

        return isKnown(value) ? value : throw ProviderException.Invalid($"'{field}' has the unknown value '{value}'.");
    }

    public static Guid NewIdIfEmpty(Guid? id) => id is { } value && value != Guid.Empty ? value : Guid.NewGuid();
}
