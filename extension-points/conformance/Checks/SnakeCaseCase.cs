namespace Meshery.ExtensionPoints.Conformance.Checks;

/// <summary>
/// A create sent by hand with snake_case member names, the camelCase member the answer must use, and
/// how to verify (by reading the entity back) that the snake_case member was taken; null means it was.
/// </summary>
internal sealed record SnakeCaseCase(string Body, string CamelMember, Func<Guid, CancellationToken, Task<string?>> VerifyAsync);
