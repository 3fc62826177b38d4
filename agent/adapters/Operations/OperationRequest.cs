namespace Meshery.Agent.Adapters.Operations;

/// <summary>An <c>ApplyOperation</c> as the operations see it (kubeconfigs kept aside, in the runner).</summary>
public sealed record OperationRequest(string OperationId, string OpName, string Namespace, string Username, string CustomBody, bool DeleteOp, string Version);
