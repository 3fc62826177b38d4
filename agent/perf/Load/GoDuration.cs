using System.Globalization;
using System.Text;

namespace Meshery.Agent.Perf.Load;

/// <summary>Durations as Go writes and reads them (<c>30s</c>, <c>1m30s</c>, <c>1h0m0s</c>, <c>1.5s</c>, <c>500ms</c>), as Meshery passes them.</summary>
public static class GoDuration
{
    private static readonly (string Unit, double Seconds)[] Units =
    [
        ("h", 3600), ("ms", 0.001), ("m", 60), ("s", 1), ("us", 0.000001), ("µs", 0.000001), ("ns", 0.000000001),
    ];

    public static string Format(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero)
        {
            return "0s";
        }

        var text = new StringBuilder();
        var hours = (long)duration.TotalHours;
        if (hours > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{hours}h");
        }

        if (hours > 0 || duration.Minutes > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{duration.Minutes}m");
        }

        var seconds = duration.Seconds + (duration.Ticks % TimeSpan.TicksPerSecond / (double)TimeSpan.TicksPerSecond);
        text.Append(CultureInfo.InvariantCulture, $"{seconds:0.#######}s");
        return text.ToString();
    }

    /// <summary>Parses a sequence of number-unit pairs (h, m, s, ms, us, ns); a bare number counts as seconds.</summary>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var rest = text?.Trim().ToLowerInvariant() ?? "";
        if (rest.Length == 0)
        {
            return false;
        }

        if (double.TryParse(rest, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var bare))
        {
            duration = TimeSpan.FromSeconds(bare);
            return true;
        }

        double total = 0;
        while (rest.Length > 0)
        {
            var digits = 0;
            while (digits < rest.Length && (char.IsAsciiDigit(rest[digits]) || rest[digits] == '.'))
            {
                digits++;
            }

            if (digits == 0 || !double.TryParse(rest[..digits], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }

            rest = rest[digits..];
            var unit = Units.FirstOrDefault(u => rest.StartsWith(u.Unit, StringComparison.Ordinal));
            if (unit.Unit is null)
            {
                return false;
            }

            total += number * unit.Seconds;
            rest = rest[unit.Unit.Length..];
        }

        if (total > TimeSpan.MaxValue.TotalSeconds)
        {
            return false;
        }

        duration = TimeSpan.FromSeconds(total);
        return true;
    }
}
