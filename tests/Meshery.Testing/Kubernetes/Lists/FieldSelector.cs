using Meshery.Testing.Kubernetes.Storage;

namespace Meshery.Testing.Kubernetes.Lists;

/// <summary>
/// A parsed <c>fieldSelector</c> (<c>f=v</c>, <c>f==v</c>, <c>f!=v</c>). <c>metadata.name</c> and
/// <c>metadata.namespace</c> are matched without parsing the object; other paths read its JSON.
/// </summary>
internal sealed class FieldSelector
{
    private readonly IReadOnlyList<(string Field, bool Equal, string Value)> _requirements;

    private FieldSelector(IReadOnlyList<(string, bool, string)> requirements) => _requirements = requirements;

    public static FieldSelector Everything { get; } = new([]);

    public bool IsEverything => _requirements.Count == 0;

    public static FieldSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        var requirements = new List<(string, bool, string)>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var notEqual = part.IndexOf("!=", StringComparison.Ordinal);
            var equal = part.IndexOf('=', StringComparison.Ordinal);
            if (notEqual > 0)
            {
                requirements.Add((part[..notEqual].Trim(), false, part[(notEqual + 2)..].Trim()));
            }
            else if (equal > 0)
            {
                var value = part[(equal + 1)..].TrimStart('=').Trim();
                requirements.Add((part[..equal].Trim(), true, value));
            }
            else
            {
                throw new FormatException($"invalid selector: '{text}'; can't understand '{part}'");
            }
        }

        return new FieldSelector(requirements);
    }

    public bool Matches(StoredObject obj)
    {
        System.Text.Json.Nodes.JsonObject? parsed = null;
        foreach (var (field, equal, value) in _requirements)
        {
            var actual = field switch
            {
                "metadata.name" => obj.Name,
                "metadata.namespace" => obj.Namespace ?? string.Empty,
                _ => Meta.Field(parsed ??= obj.ToJsonObject(), field) ?? string.Empty,
            };
            if ((actual == value) != equal)
            {
                return false;
            }
        }

        return true;
    }
}
