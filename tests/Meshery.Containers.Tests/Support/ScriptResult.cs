namespace Meshery.Containers.Tests.Support;

/// <summary>What a script under <c>scripts/containers</c> printed.</summary>
public sealed record ScriptResult(string Output, string Errors)
{
    /// <summary>The last non-empty line of standard output (the build scripts end with "image bytes").</summary>
    public string LastLine => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
}
