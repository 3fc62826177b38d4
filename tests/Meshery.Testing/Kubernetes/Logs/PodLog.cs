using System.Text;

namespace Meshery.Testing.Kubernetes.Logs;

/// <summary>The log text of one container, which a test sets or appends to; followers wake on each change.</summary>
internal sealed class PodLog
{
    private readonly Lock _gate = new();
    private readonly StringBuilder _text = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _ended;

    public void Set(string text)
    {
        lock (_gate)
        {
            _text.Clear().Append(text);
            Pulse();
        }
    }

    public void Append(string text)
    {
        lock (_gate)
        {
            _text.Append(text);
            Pulse();
        }
    }

    /// <summary>The container stopped: followers get what is left and their stream ends.</summary>
    public void End()
    {
        lock (_gate)
        {
            _ended = true;
            Pulse();
        }
    }

    /// <summary>The text after <paramref name="offset"/>, whether the log ended, and a task that completes on the next change.</summary>
    public (string Text, int Length, bool Ended, Task Changed) Read(int offset)
    {
        lock (_gate)
        {
            var from = Math.Min(offset, _text.Length);
            return (_text.ToString(from, _text.Length - from), _text.Length, _ended, _changed.Task);
        }
    }

    private void Pulse()
    {
        var previous = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        previous.TrySetResult();
    }
}
