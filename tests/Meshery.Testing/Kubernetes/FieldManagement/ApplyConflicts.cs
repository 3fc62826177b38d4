using Meshery.Testing.Kubernetes.Http;

namespace Meshery.Testing.Kubernetes.FieldManagement;

/// <summary>The 409 an unforced apply gets for fields other managers own, worded like the API server's.</summary>
internal static class ApplyConflicts
{
    public const string CauseReason = "FieldManagerConflict";

    public static KubeStatus Status(IReadOnlyList<(ManagedFieldsEntry Entry, FieldSet Fields)> conflicts)
    {
        var items = conflicts
            .SelectMany(c => c.Fields.Members().Select(path => (Manager: c.Entry.Describe(), Field: FieldSet.Describe(path))))
            .OrderBy(c => c.Manager, StringComparer.Ordinal)
            .ToList();
        var causes = items.Select(c => new StatusCause(CauseReason, $"conflict with {c.Manager}", c.Field)).ToList();
        string message;
        if (items.Count == 1)
        {
            message = $"Apply failed with 1 conflict: conflict with {items[0].Manager}: {items[0].Field}";
        }
        else
        {
            var lines = items.GroupBy(c => c.Manager).SelectMany(g => g.Select(c => $"- {c.Field}").Prepend($"conflicts with {g.Key}:"));
            message = $"Apply failed with {items.Count} conflicts: {string.Join('\n', lines)}";
        }

        return new KubeStatus(409, "Conflict", message) { Causes = causes };
    }
}
