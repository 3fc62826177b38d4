using System.Globalization;
using System.Text.RegularExpressions;

namespace Meshery.Testing.Kubernetes.Lists;

/// <summary>
/// A parsed <c>labelSelector</c>: <c>k=v</c>, <c>k==v</c>, <c>k!=v</c>, <c>k in (a,b)</c>, <c>k notin (a,b)</c>,
/// <c>k</c>, <c>!k</c>, <c>k&gt;n</c>, <c>k&lt;n</c>, comma-separated and all required.
/// </summary>
internal sealed partial class LabelSelector
{
    private readonly IReadOnlyList<Requirement> _requirements;

    private LabelSelector(IReadOnlyList<Requirement> requirements) => _requirements = requirements;

    public static LabelSelector Everything { get; } = new([]);

    public bool IsEverything => _requirements.Count == 0;

    /// <summary>Parses a selector; throws <see cref="FormatException"/> with the real server's wording.</summary>
    public static LabelSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        return new LabelSelector([.. SplitTopLevel(text).Select(ParseRequirement)]);
    }

    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        foreach (var r in _requirements)
        {
            var has = labels.TryGetValue(r.Key, out var value);
            var ok = r.Op switch
            {
                "=" => has && value == r.Values[0],
                "!=" => !has || value != r.Values[0],
                "in" => has && r.Values.Contains(value!),
                "notin" => !has || !r.Values.Contains(value!),
                "exists" => has,
                "!exists" => !has,
                ">" => has && long.TryParse(value, CultureInfo.InvariantCulture, out var g) && g > long.Parse(r.Values[0], CultureInfo.InvariantCulture),
                "<" => has && long.TryParse(value, CultureInfo.InvariantCulture, out var l) && l < long.Parse(r.Values[0], CultureInfo.InvariantCulture),
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static Requirement ParseRequirement(string text)
    {
        var s = text.Trim();
        if (SetPattern().Match(s) is { Success: true } set)
        {
            var values = set.Groups[3].Value.Split(',', StringSplitOptions.TrimEntries);
            if (values.Any(v => !ValuePattern().IsMatch(v)))
            {
                throw Invalid(text);
            }

            return new Requirement(set.Groups[1].Value, set.Groups[2].Value, values);
        }

        if (ComparePattern().Match(s) is { Success: true } cmp)
        {
            var op = cmp.Groups[2].Value == "==" ? "=" : cmp.Groups[2].Value;
            var value = cmp.Groups[3].Value;
            if (op is ">" or "<" && !long.TryParse(value, CultureInfo.InvariantCulture, out _))
            {
                throw Invalid(text);
            }

            return new Requirement(cmp.Groups[1].Value, op, [value]);
        }

        if (ExistsPattern().Match(s) is { Success: true } exists)
        {
            return new Requirement(exists.Groups[2].Value, exists.Groups[1].Length > 0 ? "!exists" : "exists", []);
        }

        throw Invalid(text);
    }

    private static FormatException Invalid(string text) =>
        new($"unable to parse requirement: {text}");

    private static IEnumerable<string> SplitTopLevel(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (text[i] == ',' && depth == 0)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }

        yield return text[start..];
    }

    [GeneratedRegex(@"^([A-Za-z0-9][-A-Za-z0-9_./]*)\s+(in|notin)\s*\(([^()]*)\)$")]
    private static partial Regex SetPattern();

    [GeneratedRegex(@"^([A-Za-z0-9][-A-Za-z0-9_./]*)\s*(==|=|!=|>|<)\s*([-A-Za-z0-9_.]*)$")]
    private static partial Regex ComparePattern();

    [GeneratedRegex(@"^(!?)\s*([A-Za-z0-9][-A-Za-z0-9_./]*)$")]
    private static partial Regex ExistsPattern();

    [GeneratedRegex(@"^[-A-Za-z0-9_.]*$")]
    private static partial Regex ValuePattern();

    private sealed record Requirement(string Key, string Op, string[] Values);
}
