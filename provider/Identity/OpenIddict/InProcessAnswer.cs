namespace Meshery.Provider.Identity.OpenIddict;

/// <summary>An OpenIddict endpoint's answer to an in-process request: status and top-level JSON members.</summary>
public sealed record InProcessAnswer(int Status, IReadOnlyDictionary<string, string> Values)
{
    public bool IsSuccess => Status is >= 200 and < 300 && !Values.ContainsKey("error");

    public string? this[string name] => Values.TryGetValue(name, out var value) ? value : null;
}
