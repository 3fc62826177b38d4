using System.Text.Json.Nodes;
using Meshery.ExtensionPoints.Capabilities;
using Meshery.ExtensionPoints.Conformance.Running;
using Meshery.ExtensionPoints.Preferences;

namespace Meshery.ExtensionPoints.Conformance.Checks;

/// <summary><c>sync-prefs</c>: the user's preferences are saved, read back and put back as they were.</summary>
internal sealed class PreferencesChecks(ConformanceSession session) : CheckSuite(session)
{
    private UserPreferences? _original;

    public override string Name => "preferences";

    public override IReadOnlyList<string> Features => [Capabilities.Features.SyncPrefs];

    private UserPreferences Marked => new()
    {
        AnonymousUsageStats = true,
        RemoteProviderPreferences = new JsonObject { ["conformance"] = Session.RunId },
    };

    public override IEnumerable<Check> Checks()
    {
        yield return Define("save", SaveCheckAsync);
        yield return Define("snake-case", SnakeCaseCheckAsync);
        yield return MalformedJson(() => Session.Endpoint(Capabilities.Features.SyncPrefs), HttpMethod.Put);
        yield return Define("etag-conflict", EtagConflictCheckAsync);
        yield return Define("isolation", IsolationCheckAsync);
    }

    public override async Task CleanupAsync(CancellationToken cancellationToken)
    {
        if (_original is not null)
        {
            await Session.CallAsync(() => Session.Client.Preferences.SaveAsync(Session.User, _original, null, cancellationToken));
        }
    }

    private async Task<string> SaveCheckAsync(CancellationToken cancellationToken)
    {
        var read = await Session.CallAsync(() => Session.Client.Preferences.GetAsync(Session.User, cancellationToken));
        _original = Session.Expect(read, 200).Value;
        var save = await Session.CallAsync(() => Session.Client.Preferences.SaveAsync(Session.User, Marked, null, cancellationToken));
        Session.Expect(save, 201);
        var after = (await Session.Client.Preferences.GetAsync(Session.User, cancellationToken)).Value;
        ConformanceSession.True(MarkOf(after) == Session.RunId, "the saved preferences are not read back");
        return $"{read.Exchange} -> 200, {save.Exchange} -> 201, read back";
    }

    private async Task<string> SnakeCaseCheckAsync(CancellationToken cancellationToken)
    {
        var selected = "conformance-" + Session.RunId;
        var body = $$"""{"anonymous_usage_stats":false,"selected_organization_id":"{{selected}}","remote_provider_preferences":{"conformance":"{{Session.RunId}}"} }""";
        var answer = await Session.RawAsync(HttpMethod.Put, Session.Endpoint(Capabilities.Features.SyncPrefs), Session.User, body, cancellationToken);
        var text = Session.ExpectStatus(answer, 201);
        ConformanceSession.True(EntityJson.HasMember(text, "selectedOrganizationId"), $"{answer.Call} did not answer camelCase 'selectedOrganizationId'");
        var after = (await Session.Client.Preferences.GetAsync(Session.User, cancellationToken)).Value;
        ConformanceSession.True(after.SelectedOrganizationId == selected && after.AnonymousUsageStats == false, "the snake_case members were not taken");
        return $"{answer.Call} with snake_case members -> 201, taken and answered as camelCase";
    }

    private async Task<string> EtagConflictCheckAsync(CancellationToken cancellationToken)
    {
        var current = await Session.Client.Preferences.GetAsync(Session.User, cancellationToken);
        ConformanceSession.True(current.ETag.Length > 0, "reading the preferences answered no ETag header");
        var first = await Session.CallAsync(() => Session.Client.Preferences.SaveAsync(Session.User, Marked, current.ETag, cancellationToken));
        Session.Expect(first, 201);
        var second = await Session.CallAsync(() => Session.Client.Preferences.SaveAsync(Session.User, Marked, current.ETag, cancellationToken));
        Session.ExpectStatus(second, 412);
        return $"second {second.Exchange} with the stale ETag {current.ETag} -> 412";
    }

    private async Task<string> IsolationCheckAsync(CancellationToken cancellationToken)
    {
        var other = Session.RequireSecondUser();
        var read = await Session.CallAsync(() => Session.Client.Preferences.GetAsync(other, cancellationToken));
        var theirs = Session.Expect(read, 200).Value;
        ConformanceSession.True(MarkOf(theirs) != Session.RunId, "the second user reads the first user's preferences");
        return "the second user does not see the first user's preferences";
    }

    private static string? MarkOf(UserPreferences preferences) =>
        preferences.RemoteProviderPreferences?["conformance"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
