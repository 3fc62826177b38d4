namespace Meshery.Agent.Operator.Tests.Support;

/// <summary>
/// Sits in one replica's HTTP pipeline and, once begun, holds its Lease requests unanswered (as an API server that
/// stopped answering that replica would) until ended or cancelled; everything else passes.
/// </summary>
public sealed class LeaseStall : DelegatingHandler
{
    private TaskCompletionSource? _stalled;
    private int _held;
    private int _answered;

    /// <summary>Lease requests held so far.</summary>
    public int Held => Volatile.Read(ref _held);

    /// <summary>Lease requests answered so far (held ones included, once let through).</summary>
    public int Answered => Volatile.Read(ref _answered);

    public void Begin() => Volatile.Write(ref _stalled, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public void End() => Interlocked.Exchange(ref _stalled, null)?.TrySetResult();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _stalled) is { } stalled && request.RequestUri?.AbsolutePath.Contains("/leases", StringComparison.Ordinal) == true)
        {
            Interlocked.Increment(ref _held);
            await stalled.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (request.RequestUri?.AbsolutePath.Contains("/leases", StringComparison.Ordinal) == true)
        {
            Interlocked.Increment(ref _answered);
        }

        return response;
    }
}
