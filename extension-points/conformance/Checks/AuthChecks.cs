using Meshery.ExtensionPoints.Conformance.Running;

namespace Meshery.ExtensionPoints.Conformance.Checks;

/// <summary>Calls without a token, or with a token the provider did not issue, answer 401 problem details.</summary>
internal sealed class AuthChecks(ConformanceSession session) : CheckSuite(session)
{
    private static readonly string[] Candidates =
    [
        Capabilities.Features.UsersProfile, Capabilities.Features.Environments, Capabilities.Features.PersistConnection,
        Capabilities.Features.PersistCredentials, Capabilities.Features.SyncPrefs, Capabilities.Features.PersistMesheryPatterns,
        Capabilities.Features.Organizations, Capabilities.Features.Workspaces, Capabilities.Features.PersistPerformanceProfiles,
    ];

    public override string Name => "auth";

    public override IReadOnlyList<string> Features => [];

    public override IEnumerable<Check> Checks()
    {
        yield return Define("missing-token", ct => UnauthorizedAsync(null, ct));
        yield return Define("invalid-token", ct => UnauthorizedAsync(Session.User with { Token = "conformance-invalid-token" }, ct));
    }

    private async Task<string> UnauthorizedAsync(ProviderCaller? caller, CancellationToken cancellationToken)
    {
        var feature = Candidates.FirstOrDefault(f => Session.Capabilities.EndpointOf(f) is { Length: > 0 })
            ?? throw CheckFailedException.Skipped("no authenticated capability is advertised");
        var answer = await Session.RawAsync(HttpMethod.Get, Session.Endpoint(feature), caller, null, cancellationToken);
        Session.ExpectProblem(answer, 401);
        ConformanceSession.True(
            answer.WwwAuthenticate?.Contains("Bearer", StringComparison.OrdinalIgnoreCase) == true,
            $"{answer.Call} answered 401 without 'WWW-Authenticate: Bearer'");
        return $"{answer.Call} -> 401 problem details with WWW-Authenticate: Bearer";
    }
}
