using System.CommandLine;
using Meshery.Cli.Config;

namespace Meshery.Cli.Commands.Systems;

/// <summary><c>-p/--platform local|kubernetes</c>, defaulting to the context's platform.</summary>
public static class PlatformOption
{
    public const string Local = "local";
    public const string Kubernetes = "kubernetes";

    public static Option<string?> Create()
    {
        var option = new Option<string?>("--platform", "-p") { Description = "Where Meshery runs: local (a child process) or kubernetes (default: the context's platform)" };
        option.AcceptOnlyFromAmong(Local, Kubernetes);
        return option;
    }

    public static string Resolve(string? given, ContextSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var platform = given ?? settings.Platform ?? Local;
        return platform switch
        {
            Local or Kubernetes => platform,
            _ => throw new CliException($"platform '{platform}' is not supported by this mesheryctl (use local or kubernetes)"),
        };
    }

    public static CliException KubernetesNotAvailable() =>
        new("the kubernetes platform needs the install bundle, which this build of mesheryctl does not include yet; use -p local");
}
