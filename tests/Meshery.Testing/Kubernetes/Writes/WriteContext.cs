using Meshery.Testing.Kubernetes.FieldManagement;

namespace Meshery.Testing.Kubernetes.Writes;

/// <summary>Who writes, how, and when: <c>fieldManager</c>, Update or Apply, status-only or not.</summary>
internal sealed record WriteContext(DateTimeOffset Now, FieldSchema Schema, string? FieldManager = null, string Operation = ManagedFieldsEntry.Update, bool StatusOnly = false)
{
    /// <summary>The manager a write without <c>fieldManager</c> is recorded under: the User-Agent up to its first <c>/</c>.</summary>
    public string? UserAgentManager { get; init; }

    /// <summary>An apply's <c>force=true</c>: take conflicting fields instead of failing.</summary>
    public bool Force { get; init; }

    /// <summary>The fields an apply configuration claims.</summary>
    public FieldSet? Applied { get; init; }
}
