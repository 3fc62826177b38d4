using Meshery.Agent.Perf.Hosting;
using Microsoft.Extensions.Options;

namespace Meshery.Agent.Perf.Service;

/// <summary>The <see cref="PerfOptions.MaxConcurrentTests"/> tests that may run at once in this process.</summary>
public sealed class TestSlots(IOptions<PerfOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(options.Value.MaxConcurrentTests, options.Value.MaxConcurrentTests);

    /// <summary>Takes a slot without waiting; false when all are taken.</summary>
    public bool TryTake() => _slots.Wait(0);

    public void Return() => _slots.Release();

    public void Dispose() => _slots.Dispose();
}
