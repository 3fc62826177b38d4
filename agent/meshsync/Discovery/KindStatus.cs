namespace Meshery.Agent.MeshSync.Discovery;

/// <summary>The state of one kind's discovery: listing/watching, or why not (forbidden, failing), and its object count.</summary>
public sealed record KindStatus(string Resource, InformerState State, int Objects, string? Message, DateTimeOffset Since, bool Synced);
