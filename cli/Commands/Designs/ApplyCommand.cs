using System.CommandLine;
using Meshery.Cli.Commands.Common;

namespace Meshery.Cli.Commands.Designs;

/// <summary>
/// <c>design apply -f FILE|URL</c>: makes the server's design of that name this file's design (created when
/// there is none). The agent keeps designs but has no route that deploys one to a cluster, so applying saves.
/// </summary>
public static class ApplyCommand
{
    public static Command Create(CliCommandFactory cli)
    {
        ArgumentNullException.ThrowIfNull(cli);
        var file = DesignUpload.CreateFileOption();
        var name = DesignUpload.CreateNameOption();
        var command = new Command(
            "apply",
            "Save a design from a file or URL over the server's design of the same name (or as a new one); "
            + "this Meshery server keeps designs but does not deploy them to clusters")
        {
            file, name,
        };
        cli.SetAction(command, async (session, parse, cancellationToken) =>
        {
            var (design, created) = await DesignUpload.RunAsync(session, "Applying design", parse.GetValue(file)!, parse.GetValue(name), replace: true, cancellationToken).ConfigureAwait(false);
            var verb = created ? "created" : "updated";
            session.Output.Write(design, $"Design '{JsonText.Of(design, "name")}' {verb} ({JsonText.Of(design, "id")}); saved only: this Meshery server does not deploy designs.");
            return 0;
        });
        return command;
    }
}
