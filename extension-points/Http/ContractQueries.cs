using System.Globalization;
using Meshery.ExtensionPoints.Connections;
using Meshery.ExtensionPoints.Designs;
using Meshery.ExtensionPoints.Events;
using Meshery.ExtensionPoints.Performance;
using Microsoft.AspNetCore.Http;

namespace Meshery.ExtensionPoints.Http;

/// <summary>
/// Reads the filtered list queries of the contract from a request's query string, the same way in
/// every host; each answers a 400 problem for a value it cannot accept.
/// </summary>
public static class ContractQueries
{
    public static bool TryConnections(HttpRequest request, out ConnectionQuery query, out IResult? problem)
    {
        ArgumentNullException.ThrowIfNull(request);
        query = new ConnectionQuery();
        if (!ListQuery.TryParse(request, out var page, out problem))
        {
            return false;
        }

        var statuses = ListQuery.All(request.Query, "status");
        if (statuses.FirstOrDefault(s => !ConnectionStatuses.IsKnown(s)) is { } unknown)
        {
            problem = ProblemAnswers.BadRequest($"'status' has the unknown value '{unknown}'.");
            return false;
        }

        query = new ConnectionQuery
        {
            Page = page,
            Name = ListQuery.First(request.Query, "name"),
            Kinds = ListQuery.All(request.Query, "kind"),
            Types = ListQuery.All(request.Query, "type"),
            Statuses = statuses,
        };
        return true;
    }

    public static bool TryDesigns(HttpRequest request, out DesignQuery query, out IResult? problem)
    {
        ArgumentNullException.ThrowIfNull(request);
        query = new DesignQuery();
        if (!ListQuery.TryParse(request, out var page, out problem))
        {
            return false;
        }

        var visibility = ListQuery.All(request.Query, "visibility");
        if (visibility.FirstOrDefault(v => !DesignVisibilities.IsKnown(v)) is { } unknown)
        {
            problem = ProblemAnswers.BadRequest($"'visibility' has the unknown value '{unknown}'.");
            return false;
        }

        if (!TryTime(request, out var updatedAfter, out problem, "updated_after", "updatedAfter"))
        {
            return false;
        }

        query = new DesignQuery { Page = page, Visibility = visibility, UpdatedAfter = updatedAfter };
        return true;
    }

    public static bool TryResults(HttpRequest request, Guid? profileId, out PerformanceResultQuery query, out IResult? problem)
    {
        ArgumentNullException.ThrowIfNull(request);
        query = new PerformanceResultQuery();
        if (!ListQuery.TryParse(request, out var page, out problem)
            || !TryTime(request, out var from, out problem, "from")
            || !TryTime(request, out var to, out problem, "to"))
        {
            return false;
        }

        query = new PerformanceResultQuery { Page = page, ProfileId = profileId, From = from, To = to };
        return true;
    }

    /// <summary>Events filtered by query values (<c>category</c>, <c>action</c>, <c>severity</c>, <c>status</c>, <c>actedUpon</c>).</summary>
    public static bool TryEvents(HttpRequest request, out EventQuery query, out IResult? problem)
    {
        ArgumentNullException.ThrowIfNull(request);
        query = new EventQuery();
        if (!ListQuery.TryParse(request, out var page, out problem))
        {
            return false;
        }

        var q = request.Query;
        return TryEventFilter(
            page,
            ListQuery.All(q, "category"),
            ListQuery.All(q, "action"),
            ListQuery.All(q, "severity"),
            ListQuery.First(q, "status"),
            ListQuery.All(q, "actedUpon", "acted_upon"),
            out query,
            out problem);
    }

    public static bool TryEventFilter(
        Paging.PageRequest page,
        IReadOnlyList<string> category,
        IReadOnlyList<string> action,
        IReadOnlyList<string> severity,
        string? status,
        IReadOnlyList<string> actedUpon,
        out EventQuery query,
        out IResult? problem)
    {
        ArgumentNullException.ThrowIfNull(severity);
        ArgumentNullException.ThrowIfNull(actedUpon);
        query = new EventQuery();
        problem = null;
        if (severity.FirstOrDefault(s => !EventSeverities.IsKnown(s)) is { } unknownSeverity)
        {
            problem = ProblemAnswers.BadRequest($"'severity' has the unknown value '{unknownSeverity}'.");
            return false;
        }

        if (!string.IsNullOrEmpty(status) && !EventStatuses.IsKnown(status))
        {
            problem = ProblemAnswers.BadRequest($"'status' must be 'read' or 'unread'; got '{status}'.");
            return false;
        }

        var acted = new List<Guid>(actedUpon.Count);
        foreach (var text in actedUpon)
        {
            if (!RouteIds.TryParse(text, "actedUpon", out var id, out problem))
            {
                return false;
            }

            acted.Add(id);
        }

        query = new EventQuery
        {
            Page = page,
            Category = category,
            Action = action,
            Severity = severity,
            Status = string.IsNullOrEmpty(status) ? null : status,
            ActedUpon = acted,
        };
        return true;
    }

    private static bool TryTime(HttpRequest request, out DateTimeOffset? value, out IResult? problem, params string[] keys)
    {
        value = null;
        problem = null;
        if (ListQuery.First(request.Query, keys) is not { } text)
        {
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            value = parsed;
            return true;
        }

        problem = ProblemAnswers.BadRequest($"'{keys[0]}' must be a date and time (RFC 3339); got '{text}'.");
        return false;
    }
}
