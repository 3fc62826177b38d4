using System.Text.Json.Nodes;
using Meshery.Infra.Tests.Bicep;
using Meshery.Testing.Paths;

namespace Meshery.Infra.Tests.Deployment;

/// <summary>
/// A copy of <c>infra/bicep</c> in a temporary folder (bicep writes its outputs beside the sources) and
/// the CLI's results on it, each computed once on first use: the compiled template, the compiled
/// parameters and two snapshots (default host name; custom domain with a certificate). The runs share
/// a deadline; each test also waits with its own token.
/// </summary>
public sealed class DeploymentFixture : IAsyncLifetime
{
    public const string SubscriptionId = "8d3c5f0e-1b2a-4c6d-9e8f-0a1b2c3d4e5f";
    public const string TenantId = "2f4e6a8c-0b1d-4e3f-a5b7-c9d1e3f5a7b9";
    public const string ResourceGroup = "rg-meshery-test";
    public const string Location = "westeurope";

    private readonly CancellationTokenSource _deadline = new(TimeSpan.FromMinutes(4));
    private readonly Lazy<Task<BicepRun>> _templateBuild;
    private readonly Lazy<Task<JsonObject>> _parameters;
    private readonly Lazy<Task<DeploymentSnapshot>> _snapshot;
    private readonly Lazy<Task<DeploymentSnapshot>> _customDomainSnapshot;

    public DeploymentFixture()
    {
        _templateBuild = new(() => RunAsync(["build", "main.bicep", "--stdout"], customDomain: false, _deadline.Token));
        _parameters = new(() => BuildAsync(["build-params", "main.bicepparam", "--outfile", "main.parameters.json"], "main.parameters.json", customDomain: false));
        _snapshot = new(() => SnapshotAsync("main.bicepparam", customDomain: false));
        _customDomainSnapshot = new(() => SnapshotAsync("custom-domain.bicepparam", customDomain: true));
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "meshery-infra-" + Guid.NewGuid().ToString("N")[..12]);

    public DeploymentInputs Inputs { get; } = new();

    public static string SourceFolder => RepositoryRoot.Combine("infra", "bicep");

    /// <summary>The run of <c>bicep build main.bicep --stdout</c>: the ARM JSON on stdout, diagnostics on stderr.</summary>
    public Task<BicepRun> TemplateBuildAsync(CancellationToken cancellationToken) => _templateBuild.Value.WaitAsync(cancellationToken);

    /// <summary>The compiled ARM JSON template.</summary>
    public async Task<JsonObject> TemplateAsync(CancellationToken cancellationToken)
    {
        var run = await TemplateBuildAsync(cancellationToken);
        Assert.True(run.ExitCode == 0, run.Output);
        return JsonNode.Parse(run.StandardOutput)!.AsObject();
    }

    public Task<JsonObject> ParametersAsync(CancellationToken cancellationToken) => _parameters.Value.WaitAsync(cancellationToken);

    public Task<DeploymentSnapshot> SnapshotAsync(CancellationToken cancellationToken) => _snapshot.Value.WaitAsync(cancellationToken);

    public Task<DeploymentSnapshot> CustomDomainSnapshotAsync(CancellationToken cancellationToken) =>
        _customDomainSnapshot.Value.WaitAsync(cancellationToken);

    /// <summary>Runs bicep in the copy, with the deployer's environment.</summary>
    public Task<BicepRun> RunAsync(IReadOnlyList<string> arguments, bool customDomain, CancellationToken cancellationToken) =>
        BicepCli.RunAsync(Folder, arguments, Inputs.Environment(customDomain), cancellationToken);

    public ValueTask InitializeAsync()
    {
        CopyFolder(SourceFolder, Folder);

        // The same parameters file under another name, so its snapshot lands beside the default one.
        File.Copy(Path.Combine(Folder, "main.bicepparam"), Path.Combine(Folder, "custom-domain.bicepparam"));
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _deadline.Cancel();
        _deadline.Dispose();
        Inputs.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A bicep run still being killed may hold a file; the temp folder is cleaned up later.
        }

        return ValueTask.CompletedTask;
    }

    private async Task<JsonObject> BuildAsync(string[] arguments, string output, bool customDomain)
    {
        var run = await RunAsync(arguments, customDomain, _deadline.Token);
        Assert.True(run.ExitCode == 0, run.Output);
        return JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Folder, output), _deadline.Token))!.AsObject();
    }

    private async Task<DeploymentSnapshot> SnapshotAsync(string parametersFile, bool customDomain)
    {
        var run = await RunAsync(
            [
                "snapshot", parametersFile, "--mode", "overwrite",
                "--subscription-id", SubscriptionId, "--tenant-id", TenantId,
                "--resource-group", ResourceGroup, "--location", Location,
            ],
            customDomain,
            _deadline.Token);
        Assert.True(run.ExitCode == 0, run.Output);
        var file = Path.Combine(Folder, Path.ChangeExtension(parametersFile, ".snapshot.json"));
        return new DeploymentSnapshot(JsonNode.Parse(await File.ReadAllTextAsync(file, _deadline.Token))!.AsObject());
    }

    private static void CopyFolder(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source, "*.bicep*", SearchOption.AllDirectories)
                     .Concat(Directory.EnumerateFiles(source, "bicepconfig.json", SearchOption.TopDirectoryOnly)))
        {
            var to = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
    }
}
