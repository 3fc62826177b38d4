using System.CommandLine;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Meshery.Cli.Agent;
using Meshery.Cli.Commands.Common;
using Meshery.Cli.Designs;
using Meshery.Cli.Output;
using Meshery.ExtensionPoints.Designs;
using Meshery.ExtensionPoints.Json;

namespace Meshery.Cli.Commands.Designs;

/// <summary>What <c>import</c> and <c>apply</c> share: the file option and sending a design to the server.</summary>
internal static class DesignUpload
{
    public static Option<string> CreateFileOption() => new("--file", "-f")
    {
        Description = $"The design: a YAML or JSON file, or an http(s) URL (at most {DesignSource.MaxBytes / 1024 / 1024} MiB)",
        HelpName = "path|url",
        Required = true,
    };

    public static Option<string?> CreateNameOption() => new("--name")
    {
        Description = "The design's name (default: the file's top-level 'name', else the file name)",
        HelpName = "name",
    };

    /// <summary>
    /// Reads the design from <paramref name="location"/> and saves it, as a new design or (with
    /// <paramref name="replace"/>) over the one of the same name, showing progress; answers the saved design.
    /// </summary>
    public static Task<(JsonObject Design, bool Created)> RunAsync(
        CliSession session, string title, string location, string? name, bool replace, CancellationToken cancellationToken) =>
        ProgressReporter.RunAsync(session.Console, session.Format, title, async report =>
        {
            var source = await DesignSource.ReadAsync(location, name, report, cancellationToken).ConfigureAwait(false);
            using var client = await SignedInAgent.ConnectAsync(session, cancellationToken).ConfigureAwait(false);
            var existing = Guid.Empty;
            if (replace)
            {
                report($"looking for design '{source.Name}'");
                var found = await EntityLookup.FindByNameAsync(client, EntityKind.Design, source.Name, cancellationToken).ConfigureAwait(false);
                existing = found is null ? Guid.Empty : EntityLookup.IdOf(found, EntityKind.Design);
            }

            report(string.Create(CultureInfo.InvariantCulture, $"sending {source.Text.Length / 1024} KiB to {client.Endpoint}"));
            var request = new DesignSaveRequest
            {
                Name = source.Name,
                PatternData = new Design { Id = existing, Name = source.Name, PatternFile = source.Text },
                Save = true,
            };
            using var content = JsonContent.Create(request, ExtensionPointsJsonContext.Default.DesignSaveRequest);
            var answer = await client.SendAsync(HttpMethod.Post, EntityKind.Design.Collection, content, notFound: null, cancellationToken).ConfigureAwait(false);
            var saved = (answer as JsonArray)?.FirstOrDefault() as JsonObject ?? answer as JsonObject
                ?? throw new CliException("the Meshery server did not answer the saved design");
            report("saved");
            return (saved, existing == Guid.Empty);
        });
}
