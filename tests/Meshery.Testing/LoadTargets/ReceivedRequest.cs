namespace Meshery.Testing.LoadTargets;

/// <summary>A request as <see cref="LoadTarget"/> received it.</summary>
public sealed record ReceivedRequest(string Method, string Protocol, IReadOnlyDictionary<string, string> Headers, string Body);
