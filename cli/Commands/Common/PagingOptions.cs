using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Meshery.ExtensionPoints.Paging;

namespace Meshery.Cli.Commands.Common;

/// <summary><c>--page</c> (from 1, as upstream's mesheryctl counts) and <c>--page-size</c> of a list command.</summary>
public sealed class PagingOptions
{
    public PagingOptions()
    {
        Page.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > PagingLimits.MaxPage)
            {
                result.AddError($"--page must be from 1 to {PagingLimits.MaxPage}");
            }
        });
        PageSize.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > PagingLimits.MaxPageSize)
            {
                result.AddError($"--page-size must be from 1 to {PagingLimits.MaxPageSize}");
            }
        });
    }

    public Option<int> Page { get; } = new("--page")
    {
        Description = "The page to show, from 1",
        HelpName = "number",
        DefaultValueFactory = _ => 1,
    };

    public Option<int> PageSize { get; } = new("--page-size")
    {
        Description = $"How many to show on a page (1-{PagingLimits.MaxPageSize})",
        HelpName = "count",
        DefaultValueFactory = _ => PageRequest.DefaultPageSize,
    };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Page);
        command.Options.Add(PageSize);
    }

    /// <summary>The API's query values (its pages count from 0).</summary>
    public string Query(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return string.Create(CultureInfo.InvariantCulture, $"page={parse.GetValue(Page) - 1}&pagesize={parse.GetValue(PageSize)}");
    }

    /// <summary>The line under a list table: which page of how many, and how many items in all.</summary>
    public static string Footer(JsonObject page, EntityKind kind)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(kind);
        var number = Number(page, "page");
        var size = Math.Max(1, Number(page, "pageSize"));
        var total = Number(page, "totalCount");
        var pages = Math.Max(1, (total + size - 1) / size);
        return string.Create(CultureInfo.InvariantCulture, $"Page {number + 1} of {pages} ({total} {(total == 1 ? kind.Noun : kind.Plural)} in all)");
    }

    private static int Number(JsonObject page, string key) =>
        page[key] is JsonValue value && value.TryGetValue<int>(out var number) ? number : 0;
}
