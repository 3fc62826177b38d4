using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Meshery.Provider.Hosting;

namespace Meshery.Provider.Identity.OpenIddict;

/// <summary>Conversions between OpenIddict's immutable shapes and the documents' plain ones.</summary>
internal static class IdentityProperties
{
    public static ImmutableDictionary<string, JsonElement> Parse(string? json) =>
        string.IsNullOrEmpty(json)
            ? ImmutableDictionary<string, JsonElement>.Empty
            : (JsonSerializer.Deserialize(json, ProviderJsonContext.Default.DictionaryStringJsonElement) ?? []).ToImmutableDictionary();

    public static string? Write(ImmutableDictionary<string, JsonElement> properties) =>
        properties is null || properties.IsEmpty ? null : JsonSerializer.Serialize(new Dictionary<string, JsonElement>(properties), ProviderJsonContext.Default.DictionaryStringJsonElement);

    public static ImmutableDictionary<CultureInfo, string> Cultures(Dictionary<string, string> values) =>
        values.ToImmutableDictionary(kv => CultureInfo.GetCultureInfo(kv.Key), kv => kv.Value);

    public static Dictionary<string, string> Cultures(ImmutableDictionary<CultureInfo, string> values) =>
        values is null ? [] : values.ToDictionary(kv => kv.Key.Name, kv => kv.Value, StringComparer.Ordinal);

    public static ValueTask<T> Done<T>(T value) => ValueTask.FromResult(value);
}
