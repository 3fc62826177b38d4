using System.Diagnostics;
using System.Text;

namespace Meshery.Testing.Processes;

/// <summary>
/// A bounded, thread-safe log of the lines a process wrote to stdout and stderr, each stamped with
/// the time since the log was created. Keeps the last <see cref="Capacity"/> lines.
/// </summary>
public sealed class ProcessLog
{
    private readonly Queue<string> _lines = new();
    private readonly Lock _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _dropped;

    public ProcessLog(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    public int Capacity { get; }

    /// <summary>Appends one line; <paramref name="source"/> is a short tag such as <c>out</c> or <c>err</c>.</summary>
    public void Append(string source, string line)
    {
        ArgumentNullException.ThrowIfNull(source);
        var entry = $"[{_clock.Elapsed.TotalSeconds,8:0.000}s {source}] {line}";
        lock (_gate)
        {
            if (_lines.Count == Capacity)
            {
                _lines.Dequeue();
                _dropped++;
            }

            _lines.Enqueue(entry);
        }
    }

    /// <summary>The kept lines, oldest first.</summary>
    public IReadOnlyList<string> Lines()
    {
        lock (_gate)
        {
            return [.. _lines];
        }
    }

    public override string ToString()
    {
        var builder = new StringBuilder();
        lock (_gate)
        {
            if (_dropped > 0)
            {
                builder.Append("... ").Append(_dropped).AppendLine(" earlier lines dropped");
            }

            foreach (var line in _lines)
            {
                builder.AppendLine(line);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Writes the log to the current test's output when that test has failed. Call it from the test
    /// class's <c>Dispose</c>/<c>DisposeAsync</c>: xUnit sets the test's result before disposing the class.
    /// </summary>
    public void WriteToTestOutputIfFailed(string title)
    {
        var context = TestContext.Current;
        if (context.TestState?.Result != TestResult.Failed)
        {
            return;
        }

        WriteToTestOutput(title);
    }

    /// <summary>Writes the log to the current test's output, or as a diagnostic message outside a test.</summary>
    public void WriteToTestOutput(string title)
    {
        var text = $"----- {title} -----{Environment.NewLine}{this}----- end of {title} -----";
        var context = TestContext.Current;
        if (context.TestOutputHelper is { } output)
        {
            output.WriteLine(text);
        }
        else
        {
            context.SendDiagnosticMessage(text);
        }
    }
}
