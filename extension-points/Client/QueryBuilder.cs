using System.Globalization;
using System.Text;
using Meshery.ExtensionPoints.Paging;

namespace Meshery.ExtensionPoints.Client;

/// <summary>Builds a query string; empty values are left out.</summary>
internal sealed class QueryBuilder
{
    private readonly StringBuilder _text = new();

    public static QueryBuilder ForPage(PageRequest page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return new QueryBuilder()
            .Add("page", page.Page)
            .Add("pagesize", page.PageSize)
            .Add("search", page.Search)
            .Add("order", page.Order);
    }

    public QueryBuilder Add(string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            _text.Append(_text.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return this;
    }

    public QueryBuilder Add(string name, int value) => Add(name, value.ToString(CultureInfo.InvariantCulture));

    public QueryBuilder Add(string name, Guid? value) => Add(name, value?.ToString("D"));

    public QueryBuilder Add(string name, DateTimeOffset? value) =>
        Add(name, value?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));

    public QueryBuilder AddEach(string name, IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (var value in values)
        {
            Add(name, value);
        }

        return this;
    }

    public override string ToString() => _text.ToString();
}
