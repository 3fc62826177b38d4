namespace Meshery.Agent.Perf.Load;

/// <summary>A test that breaks <see cref="LoadTestRules"/>: the caller's input, answered as such (gRPC INVALID_ARGUMENT).</summary>
public sealed class LoadTestRejectedException : Exception
{
    public LoadTestRejectedException()
    {
    }

    public LoadTestRejectedException(string message)
        : base(message)
    {
    }

    public LoadTestRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
