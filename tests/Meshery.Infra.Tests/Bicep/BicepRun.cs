namespace Meshery.Infra.Tests.Bicep;

/// <summary>What one run of the bicep CLI printed and how it exited.</summary>
public sealed record BicepRun(IReadOnlyList<string> Arguments, int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Everything the run printed, for assertion messages.</summary>
    public string Output => $"bicep {string.Join(' ', Arguments)} exited {ExitCode}{Environment.NewLine}{StandardOutput}{StandardError}";
}
