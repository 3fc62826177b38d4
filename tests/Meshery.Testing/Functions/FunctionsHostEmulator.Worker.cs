using System.Diagnostics;
using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Meshery.Testing.Functions.Protos;

namespace Meshery.Testing.Functions;

// The worker process: started as the Functions host starts it, ended with WorkerTerminate, then killed if need be.
public sealed partial class FunctionsHostEmulator
{
    private Process? _worker;
    private Task _workerExited = Task.CompletedTask;

    private void StartWorker(string executable, string workerPath, Uri rpcUri)
    {
        var requestId = NewRequestId();
        var maxMessageLength = int.MaxValue.ToString(CultureInfo.InvariantCulture);
        var start = new ProcessStartInfo
        {
            FileName = ResolveExecutable(executable),
            WorkingDirectory = _appDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        // The .NET worker reads the --functions-* arguments; the real host also passes the legacy set first.
        string[] arguments =
        [
            Path.Combine(_appDirectory, workerPath),
            "--host", rpcUri.Host, "--port", rpcUri.Port.ToString(CultureInfo.InvariantCulture),
            "--workerId", _workerId, "--requestId", requestId, "--grpcMaxMessageLength", maxMessageLength,
            "--functions-uri", $"http://{rpcUri.Host}:{rpcUri.Port}/", "--functions-worker-id", _workerId,
            "--functions-request-id", requestId, "--functions-grpc-max-message-length", maxMessageLength,
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["FUNCTIONS_APPLICATION_DIRECTORY"] = _appDirectory;
        start.Environment["FUNCTIONS_WORKER_DIRECTORY"] = _appDirectory;
        foreach (var (name, value) in _options.Environment)
        {
            start.Environment[name] = value;
        }

        var worker = new Process { StartInfo = start };
        worker.OutputDataReceived += (_, e) => LogOutput("stdout", e.Data);
        worker.ErrorDataReceived += (_, e) => LogOutput("stderr", e.Data);
        worker.Start();
        worker.BeginOutputReadLine();
        worker.BeginErrorReadLine();
        _worker = worker;
        WorkerProcessId = worker.Id;
        AddLog("host", $"started worker pid {worker.Id}: {start.FileName} {string.Join(' ', start.ArgumentList)}");
        _workerExited = ObserveWorkerExitAsync(worker);

        // The worker outlives a dropped gRPC stream: end it with the test process if nobody disposed the emulator.
        AppDomain.CurrentDomain.ProcessExit += KillWorkerOnProcessExit;
    }

    private async Task ObserveWorkerExitAsync(Process worker)
    {
        // Completes once the process has exited and its output is read to the end.
        await worker.WaitForExitAsync(CancellationToken.None);
        WorkerExitCode = worker.ExitCode;
        AddLog("host", $"worker exited with code {worker.ExitCode}");
        _ready.TrySetResult($"the worker exited with code {worker.ExitCode} before its functions were loaded");
        FailPendingInvocations($"the worker exited with code {worker.ExitCode}");
    }

    private async Task StopWorkerAsync()
    {
        var worker = _worker;
        if (worker is null)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= KillWorkerOnProcessExit;
        if (!worker.HasExited && _stream is not null)
        {
            var terminate = new WorkerTerminate { GracePeriod = Duration.FromTimeSpan(_options.TerminateGracePeriod) };
            try
            {
                await SendAsync(new StreamingMessage { RequestId = NewRequestId(), WorkerTerminate = terminate }, CancellationToken.None);
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or Grpc.Core.RpcException)
            {
                AddLog("host", $"WorkerTerminate not sent: {e.Message}");
            }
        }

        try
        {
            await _workerExited.WaitAsync(_options.TerminateGracePeriod);
        }
        catch (TimeoutException)
        {
            AddLog("host", $"worker still running after {_options.TerminateGracePeriod.TotalSeconds:0} s: killing its process tree");
            KillTree(worker);
            await _workerExited;
        }

        worker.Dispose();
    }

    private void KillWorkerOnProcessExit(object? sender, EventArgs e)
    {
        if (_worker is { } worker)
        {
            KillTree(worker);
        }
    }

    private static void KillTree(Process worker)
    {
        try
        {
            worker.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited in the meantime.
        }
    }

    private void LogOutput(string source, string? line)
    {
        if (line is not null)
        {
            AddLog(source, line);
        }
    }

    // Run the app on the same dotnet as the tests when the config asks for plain "dotnet".
    private static string ResolveExecutable(string executable)
    {
        if (!string.Equals(Path.GetFileNameWithoutExtension(executable), "dotnet", StringComparison.OrdinalIgnoreCase) || Path.IsPathRooted(executable))
        {
            return executable;
        }

        var hostPath = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(hostPath) && File.Exists(hostPath))
        {
            return hostPath;
        }

        var current = Environment.ProcessPath;
        return current is not null && string.Equals(Path.GetFileNameWithoutExtension(current), "dotnet", StringComparison.OrdinalIgnoreCase)
            ? current
            : executable;
    }
}
