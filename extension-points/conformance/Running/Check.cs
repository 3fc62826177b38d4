namespace Meshery.ExtensionPoints.Conformance.Running;

/// <summary>One named check; its body returns what it verified or throws <see cref="CheckFailedException"/>.</summary>
internal sealed record Check(string Name, Func<CancellationToken, Task<string>> RunAsync);
