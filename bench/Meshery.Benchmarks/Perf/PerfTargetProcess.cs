using System.Diagnostics;
using System.Globalization;
using System.Net;
using Meshery.Testing.Network;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace Meshery.Benchmarks.Perf;

/// <summary>
/// The local Kestrel endpoint the perf run loads, in a process of its own (this program with <c>perf-target</c>), so the
/// CPU time and allocations measured in the loading process are the client's alone.
/// </summary>
public sealed class PerfTargetProcess : IAsyncDisposable
{
    private readonly Process _process;

    private PerfTargetProcess(Process process, Uri url)
    {
        _process = process;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<PerfTargetProcess> StartAsync(CancellationToken cancellationToken)
    {
        var port = FreePort.Next();
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        var info = new ProcessStartInfo(self) { UseShellExecute = false, RedirectStandardInput = true };
        if (Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            info.ArgumentList.Add(typeof(PerfTargetProcess).Assembly.Location);
        }

        info.ArgumentList.Add("perf-target");
        info.ArgumentList.Add(port.ToString(CultureInfo.InvariantCulture));
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the target");
        var target = new PerfTargetProcess(process, new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/hello"));
        using var probe = new HttpClient();
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var response = await probe.GetAsync(target.Url, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return target;
                }
            }
            catch (HttpRequestException) when (deadline.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(100, cancellationToken);
            }
        }
    }

    /// <summary>The target itself: answers <c>GET /hello</c> with 5 bytes until its standard input closes.</summary>
    public static async Task<int> ServeAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Listen(IPAddress.Loopback, port, o => o.Protocols = HttpProtocols.Http1);
        });
        var app = builder.Build();
        app.MapGet("/hello", () => Results.Text("hello"));
        await app.StartAsync();
        await Console.In.ReadToEndAsync();
        await app.StopAsync();
        return 0;
    }

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
        {
            _process.Kill();
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
