using Meshery.ExtensionPoints;

namespace Meshery.Agent.MeshAdapters;

/// <summary>An operation the agent sent to an adapter on a user's behalf.</summary>
public sealed record AdapterOperation(Guid Id, ProviderCaller Caller, string AdapterLocation, string OpName, DateTimeOffset StartedAt);
