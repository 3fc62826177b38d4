using System.Globalization;
using Meshery.ExtensionPoints.Paging;
using Microsoft.AspNetCore.Http;

namespace Meshery.ExtensionPoints.Http;

/// <summary>
/// Reads Meshery's list parameters (<c>page</c>, <c>pagesize</c> or <c>page_size</c>, <c>search</c>,
/// <c>order</c>) and checks them against <see cref="PagingLimits"/>.
/// </summary>
public static class ListQuery
{
    public static bool TryParse(HttpRequest request, out PageRequest page, out IResult? problem)
    {
        ArgumentNullException.ThrowIfNull(request);
        page = new PageRequest();
        problem = null;
        var query = request.Query;

        if (!TryInt(First(query, "page"), 0, out var number) || number < 0 || number > PagingLimits.MaxPage)
        {
            problem = ProblemAnswers.BadRequest($"'page' must be a whole number from 0 to {PagingLimits.MaxPage}.");
            return false;
        }

        var sizeText = First(query, "pagesize", "pageSize", "page_size");
        if (string.Equals(sizeText, "all", StringComparison.OrdinalIgnoreCase))
        {
            sizeText = PagingLimits.MaxPageSize.ToString(CultureInfo.InvariantCulture);
        }

        if (!TryInt(sizeText, PageRequest.DefaultPageSize, out var size) || size < 1 || size > PagingLimits.MaxPageSize)
        {
            problem = ProblemAnswers.BadRequest($"'pagesize' must be a whole number from 1 to {PagingLimits.MaxPageSize}.");
            return false;
        }

        var search = First(query, "search");
        if (search is { Length: > PagingLimits.MaxSearchLength })
        {
            problem = ProblemAnswers.BadRequest($"'search' is longer than {PagingLimits.MaxSearchLength} characters.");
            return false;
        }

        page = new PageRequest { Page = number, PageSize = size, Search = search, Order = First(query, "order") };
        return true;
    }

    /// <summary>The first non-empty value among <paramref name="keys"/>.</summary>
    public static string? First(IQueryCollection query, params string[] keys)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in keys)
        {
            if (query.TryGetValue(key, out var values) && !string.IsNullOrEmpty(values.ToString()))
            {
                return values[0];
            }
        }

        return null;
    }

    /// <summary>Every value of a repeatable key, also split on commas.</summary>
    public static IReadOnlyList<string> All(IQueryCollection query, params string[] keys)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(keys);
        return [.. keys.SelectMany(k => query[k]).SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).Distinct(StringComparer.Ordinal)];
    }

    private static bool TryInt(string? text, int fallback, out int value)
    {
        if (string.IsNullOrEmpty(text))
        {
            value = fallback;
            return true;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }
}
