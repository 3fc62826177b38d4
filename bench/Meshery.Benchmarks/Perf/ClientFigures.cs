namespace Meshery.Benchmarks.Perf;

/// <summary>One client's totals over the rounds: requests, wall time, CPU time and bytes allocated in this process.</summary>
public sealed class ClientFigures
{
    public long Requests { get; private set; }

    public TimeSpan Elapsed { get; private set; }

    public TimeSpan Cpu { get; private set; }

    public long AllocatedBytes { get; private set; }

    public double RequestsPerSecond => Elapsed > TimeSpan.Zero ? Requests / Elapsed.TotalSeconds : 0;

    public double CpuMicrosecondsPerRequest => Requests > 0 ? Cpu.TotalMicroseconds / Requests : 0;

    public double BytesPerRequest => Requests > 0 ? (double)AllocatedBytes / Requests : 0;

    public void Add(long requests, TimeSpan elapsed, TimeSpan cpu, long allocatedBytes)
    {
        Requests += requests;
        Elapsed += elapsed;
        Cpu += cpu;
        AllocatedBytes += allocatedBytes;
    }
}
