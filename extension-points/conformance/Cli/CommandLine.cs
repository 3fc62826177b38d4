using System.Globalization;

namespace Meshery.ExtensionPoints.Conformance.Cli;

/// <summary>The runner's arguments: <c>--provider URL --token T [--second-token T2] [--build v] [-o json|text] [--lenient] [--timeout s]</c>.</summary>
internal sealed record CommandLine(Uri Provider, string Token, string? SecondToken, string? Build, bool Json, bool Lenient, TimeSpan? Timeout)
{
    public const string TokenVariable = "MESHERY_PROVIDER_TOKEN";

    public const string Usage =
        "usage: meshery-conformance --provider URL --token TOKEN [--second-token TOKEN] [--build v0.8.0] [-o text|json] [--lenient] [--timeout SECONDS]";

    /// <summary>Parses <paramref name="args"/>; null with <paramref name="error"/> set on a usage error, both null for --help.</summary>
    public static CommandLine? Parse(IReadOnlyList<string> args, Func<string, string?> environment, out string? error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        error = null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var lenient = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "-h" or "--help":
                    return null;
                case "--lenient":
                    lenient = true;
                    continue;
                case "--provider" or "--token" or "--second-token" or "--build" or "-o" or "--output" or "--timeout":
                    if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                    {
                        error = $"option '{arg}' needs a value";
                        return null;
                    }

                    values[arg == "--output" ? "-o" : arg] = args[++i];
                    continue;
                default:
                    error = $"unknown argument '{arg}'; see --help";
                    return null;
            }
        }

        if (!values.TryGetValue("--provider", out var providerText)
            || !Uri.TryCreate(providerText, UriKind.Absolute, out var provider)
            || (provider.Scheme != Uri.UriSchemeHttp && provider.Scheme != Uri.UriSchemeHttps))
        {
            error = providerText is null ? "--provider is required" : $"--provider must be an http or https address; got '{providerText}'";
            return null;
        }

        var token = values.GetValueOrDefault("--token") ?? environment(TokenVariable);
        if (string.IsNullOrWhiteSpace(token))
        {
            error = $"--token is required (or set {TokenVariable})";
            return null;
        }

        var output = values.GetValueOrDefault("-o", "text");
        if (output is not ("text" or "json"))
        {
            error = $"-o must be 'text' or 'json'; got '{output}'";
            return null;
        }

        TimeSpan? timeout = null;
        if (values.TryGetValue("--timeout", out var timeoutText))
        {
            if (!int.TryParse(timeoutText, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds is < 1 or > 600)
            {
                error = $"--timeout must be whole seconds from 1 to 600; got '{timeoutText}'";
                return null;
            }

            timeout = TimeSpan.FromSeconds(seconds);
        }

        return new CommandLine(provider, token, values.GetValueOrDefault("--second-token"), values.GetValueOrDefault("--build"), output == "json", lenient, timeout);
    }
}
