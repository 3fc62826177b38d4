namespace Meshery.Agent.MeshAdapters;

/// <summary>The answer to an operation the adapter accepted: its progress follows as events with this operation id.</summary>
public sealed record OperationAccepted
{
    public Guid OperationId { get; set; }

    public string Adapter { get; set; } = "";

    public string Query { get; set; } = "";
}
