using System.Text;
using System.Text.Json.Serialization.Metadata;

namespace Meshery.ExtensionPoints.Json;

/// <summary>
/// Adds a read-only-on-input alias for every camelCase property whose snake_case spelling differs
/// (<c>pageSize</c> also accepts <c>page_size</c>). Older Meshery releases send snake_case, current
/// ones camelCase; output stays camelCase because aliases are never written.
/// Source generation cannot set init-only properties outside the constructor path, which is why
/// the contract's wire records use <c>set</c> accessors.
/// </summary>
public static class SnakeCaseAliases
{
    public static void Add(JsonTypeInfo typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in typeInfo.Properties)
        {
            taken.Add(property.Name);
        }

        var aliases = new List<JsonPropertyInfo>();
        foreach (var property in typeInfo.Properties)
        {
            if (property.Set is null)
            {
                continue;
            }

            var alias = ToSnakeCase(property.Name);
            if (!taken.Add(alias))
            {
                continue;
            }

            var aliasInfo = typeInfo.CreateJsonPropertyInfo(property.PropertyType, alias);
            aliasInfo.Set = property.Set;
            aliasInfo.Get = null;
            aliasInfo.CustomConverter = property.CustomConverter;
            aliases.Add(aliasInfo);
        }

        foreach (var alias in aliases)
        {
            typeInfo.Properties.Add(alias);
        }
    }

    /// <summary><c>pageSize</c> -> <c>page_size</c>, <c>orgID</c> -> <c>org_id</c>.</summary>
    public static string ToSnakeCase(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var previousIsLower = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                var startsWord = i > 0 && char.IsUpper(name[i - 1]) && i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (previousIsLower || startsWord)
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
