using Microsoft.AspNetCore.Http;

namespace Meshery.Testing.Functions.Tests;

public sealed class FunctionRouteTableTests
{
    private static readonly FunctionRouteTable Table = new(
    [
        Http("GetEnvironment", "api/environments/{id}", "GET"),
        Http("CurrentEnvironment", "api/environments/current", "GET"),
        Http("DeleteEnvironment", "api/environments/{id}", "DELETE"),
        Http("Hello", "api/hello/{name}"),
        Http("Item", "api/items/{id:int}", "GET"),
        Http("Page", "api/pages/{page?}", "GET"),
        Http("Files", "api/files/{*path}", "GET"),
        new FunctionsHostFunction("Timer", "9", "App.Timer.Run", Route: null, Methods: [], TriggerName: null),
    ]);

    [Fact]
    public void Match_GivesTheRouteParameterValue()
    {
        var match = Table.Match("POST", new PathString("/api/hello/world"));

        Assert.NotNull(match);
        Assert.Equal("Hello", match.Function.Name);
        Assert.Equal("world", match.RouteValues["name"]);
    }

    [Fact]
    public void Match_IgnoresCaseOfLiterals()
    {
        var match = Table.Match("get", new PathString("/API/Hello/World"));

        Assert.Equal("World", match?.RouteValues["name"]);
    }

    [Fact]
    public void Match_PrefersLiteralSegmentsOverParameters()
    {
        Assert.Equal("CurrentEnvironment", Table.Match("GET", new PathString("/api/environments/current"))?.Function.Name);
        Assert.Equal("GetEnvironment", Table.Match("GET", new PathString("/api/environments/42"))?.Function.Name);
    }

    [Fact]
    public void Match_PicksTheFunctionForTheMethod()
    {
        Assert.Equal("DeleteEnvironment", Table.Match("DELETE", new PathString("/api/environments/42"))?.Function.Name);
        Assert.Null(Table.Match("PUT", new PathString("/api/environments/42")));
    }

    [Fact]
    public void Match_AppliesInlineConstraints()
    {
        Assert.Equal("7", Table.Match("GET", new PathString("/api/items/7"))?.RouteValues["id"]);
        Assert.Null(Table.Match("GET", new PathString("/api/items/seven")));
    }

    [Fact]
    public void Match_HandlesOptionalAndCatchAllParameters()
    {
        var withoutPage = Table.Match("GET", new PathString("/api/pages"));
        Assert.Equal("Page", withoutPage?.Function.Name);
        Assert.False(withoutPage!.RouteValues.ContainsKey("page"));
        Assert.Equal("a/b/c.txt", Table.Match("GET", new PathString("/api/files/a/b/c.txt"))?.RouteValues["path"]);
    }

    [Fact]
    public void Match_GivesNullWhenNoFunctionMatches()
    {
        Assert.Null(Table.Match("GET", new PathString("/api/unknown")));
        Assert.Null(Table.Match("GET", new PathString("/Timer")));
    }

    private static FunctionsHostFunction Http(string name, string route, params string[] methods) =>
        new(name, name, $"App.Functions.{name}", route, methods, "req");
}
