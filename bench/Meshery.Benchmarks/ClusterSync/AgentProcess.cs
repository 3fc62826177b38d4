using System.Diagnostics;
using System.Globalization;
using Meshery.Testing.Network;

namespace Meshery.Benchmarks.ClusterSync;

/// <summary>The agent (<c>meshery-agent.dll</c> of <see cref="AgentBuild"/>) as its own process, so its memory is measured alone.</summary>
public sealed class AgentProcess : IAsyncDisposable
{
    private readonly Process _process;

    private AgentProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int Id => _process.Id;

    public static async Task<AgentProcess> StartAsync(string agentFolder, string dataFolder, string brokerUrl, CancellationToken cancellationToken)
    {
        var port = FreePort.Next();
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            Path.Combine(agentFolder, "meshery-agent.dll"),
            "--urls", $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
            $"--Meshery:LocalProvider:DatabasePath={Path.Combine(dataFolder, "mesherydb.sql")}",
            $"--Meshery:Broker:Url={brokerUrl}",
            "--Meshery:ClusterCache:StoreQuietPeriod=00:00:01",
            "--Logging:LogLevel:Default=Warning",
        })
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the agent");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line)
            {
                Console.Error.WriteLine("agent: " + line);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var agent = new AgentProcess(process, new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/"));
        using var client = new HttpClient();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var ready = await client.GetAsync(new Uri(agent.BaseAddress, "/readyz"), cancellationToken);
                if (ready.IsSuccessStatusCode)
                {
                    return agent;
                }
            }
            catch (HttpRequestException) when (clock.Elapsed < TimeSpan.FromSeconds(60) && !process.HasExited)
            {
                // Not listening yet.
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>Peak resident set size (VmHWM) in MiB.</summary>
    public double PeakRssMiB()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id.ToString(CultureInfo.InvariantCulture)}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return double.Parse(line["VmHWM:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture) / 1024;
            }
        }

        return double.NaN;
    }

    /// <summary>
    /// CPU seconds the agent has used (user + system, from <c>/proc/pid/stat</c> in clock ticks of 1/100 s): its own
    /// work, which unlike wall time does not grow when other jobs keep the cores busy.
    /// </summary>
    public double CpuSeconds()
    {
        var stat = File.ReadAllText($"/proc/{_process.Id.ToString(CultureInfo.InvariantCulture)}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
