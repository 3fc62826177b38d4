namespace Meshery.Agent.MeshSync.Tests.Support;

/// <summary>Polls a condition until it holds or the deadline passes (no sleeps standing in for signals).</summary>
internal static class Deadline
{
    public static async Task UntilAsync(Func<bool> condition, TimeSpan timeout, CancellationToken cancellationToken, Func<string>? describe = null)
    {
        var end = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > end)
            {
                Assert.Fail($"Condition not met within {timeout}. {describe?.Invoke()}");
            }

            await Task.Delay(25, cancellationToken);
        }
    }

    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, CancellationToken cancellationToken, Func<string>? describe = null)
    {
        var end = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > end)
            {
                Assert.Fail($"Condition not met within {timeout}. {describe?.Invoke()}");
            }

            await Task.Delay(50, cancellationToken);
        }
    }
}
