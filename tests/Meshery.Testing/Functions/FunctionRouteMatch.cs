namespace Meshery.Testing.Functions;

/// <summary>The function a request goes to, with the values of its route parameters.</summary>
public sealed record FunctionRouteMatch(FunctionsHostFunction Function, IReadOnlyDictionary<string, string> RouteValues);
