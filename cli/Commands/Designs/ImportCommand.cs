using System.CommandLine;
using Meshery.Cli.Commands.Common;

namespace Meshery.Cli.Commands.Designs;

/// <summary><c>design import -f FILE|URL [--name NAME]</c>: always a new design.</summary>
public static class ImportCommand
{
    public static Command Create(CliCommandFactory cli)
    {
        ArgumentNullException.ThrowIfNull(cli);
        var file = DesignUpload.CreateFileOption();
        var name = DesignUpload.CreateNameOption();
        var command = new Command("import", "Import a design from a YAML or JSON file or an http(s) URL as a new design") { file, name };
        cli.SetAction(command, async (session, parse, cancellationToken) =>
        {
            var (design, _) = await DesignUpload.RunAsync(session, "Importing design", parse.GetValue(file)!, parse.GetValue(name), replace: false, cancellationToken).ConfigureAwait(false);
            session.Output.Write(design, $"Design '{JsonText.Of(design, "name")}' imported as {JsonText.Of(design, "id")}.");
            return 0;
        });
        return command;
    }
}
