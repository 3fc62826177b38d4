namespace Meshery.Testing.Functions;

/// <summary>A function the worker loaded.</summary>
/// <param name="Name">The function name from <c>[Function]</c>.</param>
/// <param name="FunctionId">The worker-chosen id used in invocations.</param>
/// <param name="EntryPoint">The method, <c>Namespace.Class.Method</c>.</param>
/// <param name="Route">The full route template, route prefix included, no leading slash; null when not HTTP-triggered.</param>
/// <param name="Methods">Upper-case HTTP methods; empty when any method matches.</param>
/// <param name="TriggerName">The HTTP trigger binding's name (usually <c>req</c>).</param>
public sealed record FunctionsHostFunction(
    string Name,
    string FunctionId,
    string EntryPoint,
    string? Route,
    IReadOnlyList<string> Methods,
    string? TriggerName);
