using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;

namespace Meshery.Testing.Functions;

/// <summary>
/// Picks the function for a request as the Functions host does: ASP.NET Core route templates (inline constraints,
/// optional and catch-all parameters), most specific template first, then the trigger's methods.
/// </summary>
public sealed class FunctionRouteTable
{
    private static readonly Lazy<IInlineConstraintResolver> ConstraintResolver = new(() =>
        new ServiceCollection().AddRouting().BuildServiceProvider().GetRequiredService<IInlineConstraintResolver>());

    private readonly Entry[] _entries;

    /// <summary>Builds the table from functions whose <see cref="FunctionsHostFunction.Route"/> is set; others are skipped.</summary>
    public FunctionRouteTable(IEnumerable<FunctionsHostFunction> functions)
    {
        ArgumentNullException.ThrowIfNull(functions);
        _entries = [.. functions
            .Where(f => f.Route is not null)
            .Select(CreateEntry)
            .OrderBy(e => e.Precedence)
            .ThenBy(e => e.Function.Route, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>The function for <paramref name="method"/> and <paramref name="path"/>, or null when none matches.</summary>
    public FunctionRouteMatch? Match(string method, PathString path)
    {
        ArgumentNullException.ThrowIfNull(method);
        foreach (var entry in _entries)
        {
            if (!AllowsMethod(entry.Function, method))
            {
                continue;
            }

            var values = new RouteValueDictionary();
            if (!entry.Matcher.TryMatch(path, values) || !MeetsConstraints(entry, values))
            {
                continue;
            }

            var routeValues = values
                .Where(v => v.Value is not null)
                .ToDictionary(v => v.Key, v => Convert.ToString(v.Value, CultureInfo.InvariantCulture) ?? "", StringComparer.OrdinalIgnoreCase);
            return new FunctionRouteMatch(entry.Function, routeValues);
        }

        return null;
    }

    private static Entry CreateEntry(FunctionsHostFunction function)
    {
        RouteTemplate template;
        try
        {
            template = TemplateParser.Parse(function.Route!);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"Function '{function.Name}' has an invalid route '{function.Route}': {e.Message}", nameof(function), e);
        }

        var defaults = new RouteValueDictionary();
        var constraints = new RouteConstraintBuilder(ConstraintResolver.Value, function.Route!);
        foreach (var parameter in template.Parameters)
        {
            if (parameter.DefaultValue is not null)
            {
                defaults[parameter.Name!] = parameter.DefaultValue;
            }

            if (parameter.IsOptional)
            {
                constraints.SetOptional(parameter.Name!);
            }

            foreach (var constraint in parameter.InlineConstraints)
            {
                constraints.AddResolvedConstraint(parameter.Name!, constraint.Constraint);
            }
        }

        return new Entry(function, new TemplateMatcher(template, defaults), constraints.Build(), RoutePrecedence.ComputeInbound(template));
    }

    private static bool AllowsMethod(FunctionsHostFunction function, string method) =>
        function.Methods.Count == 0 || function.Methods.Contains(method, StringComparer.OrdinalIgnoreCase);

    private static bool MeetsConstraints(Entry entry, RouteValueDictionary values)
    {
        foreach (var (key, constraint) in entry.Constraints)
        {
            if (!constraint.Match(httpContext: null, route: null, key, values, RouteDirection.IncomingRequest))
            {
                return false;
            }
        }

        return true;
    }

    private sealed record Entry(
        FunctionsHostFunction Function,
        TemplateMatcher Matcher,
        IDictionary<string, IRouteConstraint> Constraints,
        decimal Precedence);
}
