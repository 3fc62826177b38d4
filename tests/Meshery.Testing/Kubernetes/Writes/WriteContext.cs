namespace Meshery.Testing.Kubernetes.Writes;

/// <summary>Who writes, how, and when: <c>fieldManager</c>, Update or Apply, status-only or not.</summary>
internal sealed record WriteContext(DateTimeOffset Now, string? FieldManager = null, string Operation = "Update", bool StatusOnly = false);
