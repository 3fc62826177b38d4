using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Meshery.ExtensionPoints.Json;

/// <summary>
/// The one set of JSON rules for the provider contract: camelCase out, camelCase or snake_case in
/// (any letter case), nulls omitted, source-generated type information only.
/// </summary>
public static class MesheryJson
{
    /// <summary>Options for the contract's own types.</summary>
    public static JsonSerializerOptions Options { get; } = Create(ExtensionPointsJsonContext.Default);

    /// <summary>Builds options over the contract's context plus the caller's own contexts.</summary>
    public static JsonSerializerOptions Create(params IJsonTypeInfoResolver[] resolvers)
    {
        ArgumentNullException.ThrowIfNull(resolvers);
        var options = new JsonSerializerOptions();
        Apply(options, resolvers);
        options.MakeReadOnly();
        return options;
    }

    /// <summary>Applies the rules to options owned by a host (ASP.NET Core's JSON options).</summary>
    public static void Apply(JsonSerializerOptions options, params IJsonTypeInfoResolver[] resolvers)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(resolvers);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = null;
        options.PropertyNameCaseInsensitive = true;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.NumberHandling = JsonNumberHandling.AllowReadingFromString;
        options.ReadCommentHandling = JsonCommentHandling.Skip;
        options.AllowTrailingCommas = true;
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.RespectNullableAnnotations = false;
        options.MaxDepth = 64;
        var all = resolvers.Append(ExtensionPointsJsonContext.Default).Distinct().ToArray();
        options.TypeInfoResolver = JsonTypeInfoResolver.Combine(all).WithAddedModifier(SnakeCaseAliases.Add);
    }
}
