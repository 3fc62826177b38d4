using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

namespace Meshery.Agent.Tests.Support;

/// <summary>
/// The built agent (<c>agent/bin/&lt;Configuration&gt;/net10.0/meshery-agent.dll</c>) run as a child
/// process with a given environment. Its output is kept and written to the test's output when it is
/// disposed (shown when the test fails); the process tree is killed on dispose.
/// </summary>
public sealed class AgentProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AgentProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The agent's main assembly as built beside this test project's configuration.</summary>
    public static string AgentAssemblyPath
    {
        get
        {
            var configuration = typeof(AgentProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
            var path = Path.Combine(RepositoryRoot(), "agent", "bin", configuration, "net10.0", "meshery-agent.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException($"The agent is not built at '{path}'.", path);
        }
    }

    /// <summary>Starts <c>dotnet meshery-agent.dll</c> with no arguments and only the given settings in its environment.</summary>
    public static AgentProcess Start(string home, int port)
    {
        var start = new ProcessStartInfo(DotnetHost(), [AgentAssemblyPath])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = home,
        };
        foreach (var key in start.Environment.Keys.ToList())
        {
            if (key.StartsWith("Meshery", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)
                || key.Equals("DOTNET_URLS", StringComparison.OrdinalIgnoreCase)
                || key.Equals("URLS", StringComparison.OrdinalIgnoreCase))
            {
                start.Environment.Remove(key);
            }
        }

        start.Environment["HOME"] = home;
        start.Environment["USERPROFILE"] = home;
        start.Environment["Meshery__Agent__Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var agent = new AgentProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => agent.Append(e.Data);
        process.ErrorDataReceived += (_, e) => agent.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return agent;
    }

    /// <summary>Polls <c>/readyz</c> until it answers 200, the process exits, or the deadline passes.</summary>
    public async Task WaitReadyAsync(HttpClient client, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var deadline = Stopwatch.StartNew();
        var lastError = "";
        var exited = _process.WaitForExitAsync(cancellationToken);
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new Xunit.Sdk.XunitException($"The agent exited with code {_process.ExitCode} before it was ready:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri(BaseAddress, "/readyz"), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                lastError = $"/readyz answered {(int)response.StatusCode}";
            }
            catch (HttpRequestException ex)
            {
                lastError = ex.Message;
            }

            await Task.WhenAny(exited, Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken));
        }

        throw new Xunit.Sdk.XunitException($"The agent was not ready within {timeout} ({lastError}):\n{Output}");
    }

    /// <summary>Kills the agent and everything it started, and waits for it to go.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        finally
        {
            _process.Dispose();
            TestContext.Current.TestOutputHelper?.WriteLine($"--- agent output ({BaseAddress}) ---\n{Output}");
        }
    }

    /// <summary>A loopback port nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Meshery.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No Meshery.sln above '{AppContext.BaseDirectory}'.");
    }

    private static string DotnetHost()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host))
        {
            return host;
        }

        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current).Equals("dotnet", StringComparison.OrdinalIgnoreCase)
            ? current
            : "dotnet";
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
