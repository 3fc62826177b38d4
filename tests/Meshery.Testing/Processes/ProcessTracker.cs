using System.Diagnostics;

namespace Meshery.Testing.Processes;

/// <summary>
/// Kills the processes still running when the test host shuts down normally, so a fixture that
/// was never disposed does not leave a server behind.
/// </summary>
internal static class ProcessTracker
{
    private static readonly Lock Gate = new();
    private static readonly HashSet<Process> Running = [];
    private static bool _hooked;

    public static void Track(Process process)
    {
        lock (Gate)
        {
            Running.Add(process);
            if (!_hooked)
            {
                AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
                _hooked = true;
            }
        }
    }

    public static void Untrack(Process process)
    {
        lock (Gate)
        {
            Running.Remove(process);
        }
    }

    private static void KillAll()
    {
        Process[] processes;
        lock (Gate)
        {
            processes = [.. Running];
            Running.Clear();
        }

        foreach (var process in processes)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Nothing more can be done at shutdown.
            }
        }
    }
}
