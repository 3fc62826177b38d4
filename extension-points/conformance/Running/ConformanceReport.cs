namespace Meshery.ExtensionPoints.Conformance.Running;

/// <summary>Every check of one run against one provider.</summary>
public sealed record ConformanceReport(string Provider, string Build, IReadOnlyList<CheckResult> Checks)
{
    public int Passed => Checks.Count(c => c.Outcome == CheckOutcome.Pass);

    public int Failed => Checks.Count(c => c.Outcome == CheckOutcome.Fail);

    public int Skipped => Checks.Count(c => c.Outcome == CheckOutcome.Skip);

    /// <summary>True when no check failed (and at least one passed).</summary>
    public bool Succeeded => Failed == 0 && Passed > 0;
}
