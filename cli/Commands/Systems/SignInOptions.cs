using System.CommandLine;

namespace Meshery.Cli.Commands.Systems;

/// <summary>The options of the commands that talk to a context's provider (<c>login</c>, <c>logout</c>, <c>token view</c>).</summary>
public static class SignInOptions
{
    public static Option<string?> CreateProviderUrl() => new("--provider-url")
    {
        Description = "The provider to sign in to (default: the context's earlier sign-in, else the URL the context's Meshery server lists for its provider)",
        HelpName = "url",
    };

    public static Option<string?> CreateCaFile() => new("--ca-file")
    {
        Description = "A PEM file of CA certificates to trust for the provider's TLS certificate, besides the system's (kept for later commands)",
        HelpName = "path",
    };

    /// <summary>The CA file as an absolute path (<c>~</c> expanded), or the earlier sign-in's.</summary>
    public static string? ResolveCaFile(string? given, string? earlier, CliSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (string.IsNullOrWhiteSpace(given))
        {
            return earlier;
        }

        var path = CliSession.ExpandHome(given.Trim(), session.Console.HomeDirectory);
        return File.Exists(path) ? path : throw new CliException($"the CA file {path} does not exist");
    }
}
