using System.Diagnostics.CodeAnalysis;

namespace Meshery.Agent.MeshSync.Messages;

/// <summary>
/// Upstream's resource key <c>&lt;plural&gt;.&lt;version&gt;.&lt;group&gt;</c>: <c>deployments.v1.apps</c>,
/// <c>pods.v1.</c> (core group: empty), <c>widgets.v1.example.com</c>.
/// </summary>
public readonly record struct ResourceKey(string Plural, string Version, string Group)
{
    /// <summary><c>v1</c> for the core group, else <c>group/version</c>.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>The cluster-wide collection path: <c>/api/v1/pods</c>, <c>/apis/apps/v1/deployments</c>.</summary>
    public string CollectionPath => Group.Length == 0 ? $"/api/{Version}/{Plural}" : $"/apis/{Group}/{Version}/{Plural}";

    /// <summary>The group-qualified resource, as RBAC and kubectl name it: <c>pods</c>, <c>deployments.apps</c>.</summary>
    public string GroupResource => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    public override string ToString() => $"{Plural}.{Version}.{Group}";

    public static ResourceKey Parse(string text) =>
        TryParse(text, out var key) ? key : throw new FormatException($"\"{text}\" is not a resource key (plural.version.group).");

    public static bool TryParse([NotNullWhen(true)] string? text, out ResourceKey key)
    {
        key = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var first = text.IndexOf('.', StringComparison.Ordinal);
        if (first <= 0)
        {
            return false;
        }

        var second = text.IndexOf('.', first + 1);
        var version = second < 0 ? text[(first + 1)..] : text[(first + 1)..second];
        if (version.Length == 0)
        {
            return false;
        }

        key = new ResourceKey(text[..first], version, second < 0 ? string.Empty : text[(second + 1)..]);
        return true;
    }

    /// <summary>The key of <paramref name="plural"/> served at <paramref name="apiVersion"/> (<c>v1</c>, <c>apps/v1</c>).</summary>
    public static ResourceKey From(string plural, string apiVersion)
    {
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        return slash < 0
            ? new ResourceKey(plural, apiVersion, string.Empty)
            : new ResourceKey(plural, apiVersion[(slash + 1)..], apiVersion[..slash]);
    }
}
