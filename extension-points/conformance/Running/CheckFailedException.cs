namespace Meshery.ExtensionPoints.Conformance.Running;

/// <summary>Ends a check: failed with a reason, or skipped when <see cref="Skip"/> is set.</summary>
internal sealed class CheckFailedException : Exception
{
    public CheckFailedException()
    {
    }

    public CheckFailedException(string message)
        : base(message)
    {
    }

    public CheckFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public bool Skip { get; init; }

    public static CheckFailedException Skipped(string reason) => new(reason) { Skip = true };
}
