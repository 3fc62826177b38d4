using Meshery.ExtensionPoints.Conformance.Running;

namespace Meshery.ExtensionPoints.Conformance.Checks;

/// <summary>The checks of one capability, run in order when every feature it needs is advertised.</summary>
internal abstract class CheckSuite(ConformanceSession session)
{
    protected ConformanceSession Session { get; } = session;

    /// <summary>The prefix of every check name: <c>environments</c>.</summary>
    public abstract string Name { get; }

    /// <summary>The features that must all be advertised for the suite to run.</summary>
    public abstract IReadOnlyList<string> Features { get; }

    public abstract IEnumerable<Check> Checks();

    /// <summary>Deletes what the suite created (best effort).</summary>
    public virtual Task CleanupAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    protected Check Define(string name, Func<CancellationToken, Task<string>> run) => new($"{Name}.{name}", run);

    /// <summary>A body cut short must answer 400 problem details.</summary>
    protected Check MalformedJson(Func<Uri> uri, HttpMethod method) => Define("malformed-json", async ct =>
    {
        var answer = await Session.RawAsync(method, uri(), Session.User, "{\"name\": ", ct);
        Session.ExpectProblem(answer, 400);
        return $"{answer.Call} with a broken body -> 400 problem details";
    });

    /// <summary>An id that is not a UUID must answer 400 problem details.</summary>
    protected Check InvalidId(Func<string, Uri> itemUri, HttpMethod? method = null) => Define("invalid-id", async ct =>
    {
        var answer = await Session.RawAsync(method ?? HttpMethod.Get, itemUri("not-a-uuid"), Session.User, null, ct);
        Session.ExpectProblem(answer, 400);
        return $"{answer.Call} -> 400 problem details";
    });

    /// <summary>An id nobody has must answer 404 problem details.</summary>
    protected Check UnknownId(Func<string, Uri> itemUri, HttpMethod? method = null) => Define("unknown-id", async ct =>
    {
        var answer = await Session.RawAsync(method ?? HttpMethod.Get, itemUri(Guid.NewGuid().ToString("D")), Session.User, null, ct);
        Session.ExpectProblem(answer, 404);
        return $"{answer.Call} -> 404 problem details";
    });

    /// <summary>Page sizes 0 and one past the maximum must answer 400 problem details.</summary>
    protected Check PageSize(Func<string, Uri> listUri) => Define("page-size", async ct =>
    {
        foreach (var size in new[] { 0, Session.Options.MaxPageSize + 1 })
        {
            var answer = await Session.RawAsync(HttpMethod.Get, listUri($"?page=0&pagesize={size}"), Session.User, null, ct);
            Session.ExpectProblem(answer, 400);
        }

        return $"pagesize 0 and {Session.Options.MaxPageSize + 1} -> 400 problem details";
    });
}
