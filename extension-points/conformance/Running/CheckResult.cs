namespace Meshery.ExtensionPoints.Conformance.Running;

/// <summary>One check's outcome and why: <c>environments.etag-conflict</c>, Fail, "expected 412, got 200 (PUT /api/environments/…)".</summary>
public sealed record CheckResult(string Name, CheckOutcome Outcome, string Reason, double DurationMs = 0);
