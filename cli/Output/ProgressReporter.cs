using Meshery.Cli.Console;
using Spectre.Console;

namespace Meshery.Cli.Output;

/// <summary>Progress of a long step: a live spinner on a terminal, one plain line per change otherwise.</summary>
public static class ProgressReporter
{
    /// <summary>Runs <paramref name="work"/>, which reports its current state through the callback it is given.</summary>
    public static async Task<T> RunAsync<T>(CliConsole console, OutputFormat format, string title, Func<Action<string>, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(work);
        if (console.IsInteractive && format == OutputFormat.Table)
        {
            var ansi = OutputWriter.CreateAnsiConsole(console);
            return await ansi.Status().Spinner(Spinner.Known.Dots).StartAsync(Markup.Escape(title), async context =>
                await work(state => context.Status(Markup.Escape($"{title}: {state}"))).ConfigureAwait(false)).ConfigureAwait(false);
        }

        // Plain text (and nothing at all for -o json|yaml, whose stdout is data only): each distinct state once.
        string? last = null;
        return await work(state =>
        {
            if (format == OutputFormat.Table && state != last)
            {
                console.Out.WriteLine($"{title}: {state}");
            }

            last = state;
        }).ConfigureAwait(false);
    }
}
