using System.CommandLine;

namespace Meshery.Cli.Commands.Common;

/// <summary><c>-y/--yes</c> of a delete command, and the question asked without it.</summary>
public static class DeleteConfirmation
{
    public static Option<bool> CreateOption() => new("--yes", "-y") { Description = "Delete without asking for confirmation" };

    /// <summary>Asks on the terminal unless <paramref name="yes"/>; anything but <c>y</c> or <c>yes</c> ends the command.</summary>
    public static void Require(CliSession session, bool yes, string what)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (yes)
        {
            return;
        }

        var input = session.Console.In
            ?? throw new CliException($"not deleting {what} without confirmation: pass -y/--yes");

        // The question goes to stderr, so stdout stays the command's data.
        session.Console.Error.Write($"Delete {what}? [y/N] ");
        session.Console.Error.Flush();
        var answer = input.ReadLine()?.Trim();
        if (answer is null)
        {
            throw new CliException($"not deleting {what}: no answer (input closed); pass -y/--yes");
        }

        if (!answer.Equals("y", StringComparison.OrdinalIgnoreCase) && !answer.Equals("yes", StringComparison.OrdinalIgnoreCase))
        {
            throw new CliException($"cancelled: {what} was not deleted");
        }
    }
}
