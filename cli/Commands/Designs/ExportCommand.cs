using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Meshery.Cli.Agent;
using Meshery.Cli.Commands.Common;

namespace Meshery.Cli.Commands.Designs;

/// <summary><c>design export NAME|ID [--file PATH] [--force]</c>: the design's file, as the server keeps it.</summary>
public static class ExportCommand
{
    public static Command Create(CliCommandFactory cli)
    {
        ArgumentNullException.ThrowIfNull(cli);
        var design = new Argument<string>("design") { Description = "The design's name or id" };
        var file = new Option<string?>("--file", "-f")
        {
            Description = "Where to write the design (default: NAME.yaml in the current folder; '-' for stdout)",
            HelpName = "path",
        };
        var force = new Option<bool>("--force") { Description = "Overwrite the file when it exists" };
        var command = new Command("export", "Export a design's YAML file") { design, file, force };
        cli.SetAction(command, async (session, parse, cancellationToken) =>
        {
            using var client = await SignedInAgent.ConnectAsync(session, cancellationToken).ConfigureAwait(false);
            var found = await EntityLookup.FindAsync(client, EntityKind.Design, parse.GetValue(design)!, cancellationToken).ConfigureAwait(false);
            var id = EntityLookup.IdOf(found, EntityKind.Design);
            var (body, suggested) = await client.DownloadAsync($"{EntityKind.Design.Collection}/download/{id:D}", $"design {id:D}", cancellationToken).ConfigureAwait(false);
            var target = parse.GetValue(file);
            if (target == "-")
            {
                await session.Console.Out.WriteAsync(System.Text.Encoding.UTF8.GetString(body).AsMemory(), cancellationToken).ConfigureAwait(false);
                return 0;
            }

            var path = Path.GetFullPath(string.IsNullOrWhiteSpace(target) ? SafeFileName(suggested, JsonText.Of(found, "name")) : CliSession.ExpandHome(target, session.Console.HomeDirectory));
            if (File.Exists(path) && !parse.GetValue(force))
            {
                throw new CliException($"{path} exists; pass --force to overwrite it or --file to choose another path");
            }

            var folder = Path.GetDirectoryName(path);
            if (!string.IsNullOrEmpty(folder) && !Directory.Exists(folder))
            {
                throw new CliException($"the folder {folder} does not exist");
            }

            await File.WriteAllBytesAsync(path, body, cancellationToken).ConfigureAwait(false);
            session.Output.Write(
                new JsonObject { ["id"] = id.ToString("D"), ["name"] = JsonText.Of(found, "name"), ["file"] = path, ["bytes"] = body.Length },
                string.Create(CultureInfo.InvariantCulture, $"Design '{JsonText.Of(found, "name")}' exported to {path} ({body.Length} bytes)."));
            return 0;
        });
        return command;
    }

    /// <summary>The server's suggested name, else the design's, as a plain file name.</summary>
    private static string SafeFileName(string? suggested, string name)
    {
        var candidate = Path.GetFileName(suggested ?? "");
        if (string.IsNullOrWhiteSpace(candidate))
        {
            candidate = string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '-')) + ".yaml";
        }

        return candidate;
    }
}
