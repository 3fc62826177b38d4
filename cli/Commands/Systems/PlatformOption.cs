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

    public static Option<string?> CreateKubeconfig() =>
        new("--kubeconfig") { Description = "kubernetes: path to the kubeconfig (default: $KUBECONFIG or ~/.kube/config)", HelpName = "path" };

    /// <summary>The cluster of the kubeconfig's current context.</summary>
    public static Meshery.Cli.Kubernetes.KubernetesPlatform OpenKubernetes(CliSession session, string? kubeconfig)
    {
        ArgumentNullException.ThrowIfNull(session);
        var path = Meshery.Cli.Kubernetes.KubeConnector.ResolvePath(kubeconfig, session.Console);
        session.Detail($"kubeconfig: {path}");
        return new Meshery.Cli.Kubernetes.KubernetesPlatform(Meshery.Cli.Kubernetes.KubeConnector.LoadConfiguration(path));
    }

    public static Spectre.Console.Rendering.IRenderable StatusTable(CliSession session, IEnumerable<Meshery.Deploy.Install.ComponentStatus> states)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.Output.Table(["KIND", "NAME", "STATE", "DETAIL"], states.Select(s => (IReadOnlyList<string>)[s.Kind, s.Name, s.State.ToString(), s.Detail ?? ""]));
    }
}
