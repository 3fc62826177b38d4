using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Meshery.Infra.Tests.Provider;

/// <summary>
/// The configuration keys of the options a composition binds (<c>BindConfiguration</c> registers an
/// <see cref="IOptionsChangeTokenSource{TOptions}"/> per options type; its <c>Section</c> constant names
/// the section), read from the options types' properties and data annotations.
/// </summary>
public static class ProviderSettingKeys
{
    /// <summary>Stands for a list index in <see cref="Known"/> (<c>SigningKeys:{i}:Kid</c>).</summary>
    public const string Index = "{i}";

    /// <summary>The options types bound from configuration in <paramref name="services"/>.</summary>
    public static IReadOnlyList<Type> BoundOptionsTypes(IServiceCollection services) =>
        [.. services.Select(d => d.ServiceType)
            .Where(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IOptionsChangeTokenSource<>))
            .Select(t => t.GetGenericArguments()[0])
            .Distinct()];

    /// <summary>The section an options type binds, from its <c>Section</c> constant.</summary>
    public static string SectionOf(Type options) =>
        options.GetField("Section", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string
            ?? throw new InvalidOperationException($"{options.Name} has no public const Section.");

    /// <summary>Keys that must have a value: [Required] properties, and the items a [MinLength] list must hold.</summary>
    public static IReadOnlyList<string> Required(IEnumerable<Type> optionsTypes) =>
        [.. optionsTypes.SelectMany(t => RequiredUnder(SectionOf(t), t)).Order(StringComparer.Ordinal)];

    /// <summary>Every key the options bind, list indexes written as <see cref="Index"/>.</summary>
    public static IReadOnlySet<string> Known(IEnumerable<Type> optionsTypes) =>
        optionsTypes.SelectMany(t => KnownUnder(SectionOf(t), t)).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary><paramref name="key"/> with its numeric segments written as <see cref="Index"/>.</summary>
    public static string Generalize(string key) =>
        string.Join(':', key.Split(':').Select(s => s.Length > 0 && s.All(char.IsAsciiDigit) ? Index : s));

    private static IEnumerable<string> RequiredUnder(string prefix, Type type)
    {
        foreach (var property in Bindable(type))
        {
            var key = prefix + ":" + property.Name;
            if (ListItemType(property.PropertyType) is { } item)
            {
                var items = property.GetCustomAttribute<MinLengthAttribute>()?.Length ?? 0;
                for (var i = 0; i < items; i++)
                {
                    foreach (var inner in IsLeaf(item) ? [key + ":" + i] : RequiredUnder(key + ":" + i, item))
                    {
                        yield return inner;
                    }
                }
            }
            else if (property.GetCustomAttribute<RequiredAttribute>() is not null)
            {
                yield return key;
            }
        }
    }

    private static IEnumerable<string> KnownUnder(string prefix, Type type)
    {
        foreach (var property in Bindable(type))
        {
            var key = prefix + ":" + property.Name;
            if (ListItemType(property.PropertyType) is { } item)
            {
                foreach (var inner in IsLeaf(item) ? [key + ":" + Index] : KnownUnder(key + ":" + Index, item))
                {
                    yield return inner;
                }
            }
            else if (IsLeaf(property.PropertyType))
            {
                yield return key;
            }
        }
    }

    /// <summary>Public instance properties the binder fills: settable ones, and get-only lists it adds to.</summary>
    private static IEnumerable<PropertyInfo> Bindable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true } || ListItemType(p.PropertyType) is not null);

    private static Type? ListItemType(Type type) =>
        type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type) && type.IsGenericType
            ? type.GetGenericArguments()[0]
            : null;

    private static bool IsLeaf(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(TimeSpan)
            || t == typeof(Guid) || t == typeof(Uri) || t == typeof(DateTimeOffset) || t == typeof(DateTime);
    }
}
