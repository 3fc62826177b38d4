using System.Globalization;
using System.Text;

namespace Meshery.Cli.Tests.Support;

/// <summary>A writer a running command writes to while the test reads what it wrote so far.</summary>
public sealed class LiveWriter : TextWriter
{
    private readonly StringBuilder _text = new();
    private readonly Lock _gate = new();

    public LiveWriter()
        : base(CultureInfo.InvariantCulture)
    {
    }

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (_gate)
        {
            _text.Append(value);
        }
    }

    public override void Write(string? value)
    {
        lock (_gate)
        {
            _text.Append(value);
        }
    }

    public override string ToString()
    {
        lock (_gate)
        {
            return _text.ToString();
        }
    }
}
