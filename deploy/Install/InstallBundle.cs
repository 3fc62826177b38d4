using System.Text.Json.Nodes;
using Meshery.Deploy.Manifests;

namespace Meshery.Deploy.Install;

/// <summary>
/// The in-cluster install of Meshery, read from the YAML embedded in this assembly (<c>deploy/crds</c> and
/// <c>deploy/bundle</c>): the namespace, the CRDs, RBAC, the agent Deployment and Service, and the default Broker
/// and MeshSync, in the order they are applied.
/// </summary>
public sealed class InstallBundle
{
    private const string CrdPrefix = "crds/";
    private const string BundlePrefix = "bundle/";

    private InstallBundle(IReadOnlyList<ManifestDocument> documents) => Documents = documents;

    /// <summary>Every object, in apply order (namespace, CRDs, RBAC, agent, Broker, MeshSync).</summary>
    public IReadOnlyList<ManifestDocument> Documents { get; }

    public IEnumerable<ManifestDocument> CustomResourceDefinitions => Documents.Where(d => d.Kind == "CustomResourceDefinition");

    public static InstallBundle Load(InstallBundleOptions? options = null)
    {
        options ??= new InstallBundleOptions();
        var bundle = ReadResources(BundlePrefix);
        var crds = ReadResources(CrdPrefix);
        var ns = bundle.Where(d => d.Kind == "Namespace");
        var rest = bundle.Where(d => d.Kind != "Namespace")
            .Where(d => options.IncludeDefaultResources || d.ApiVersion != MesheryKinds.ApiVersion);
        var documents = ns.Concat(crds).Concat(rest).ToList();
        if (options.AgentImage is { Length: > 0 } image)
        {
            foreach (var container in AgentContainers(documents))
            {
                container["image"] = image;
            }
        }

        return new InstallBundle(documents);
    }

    /// <summary>The CRDs <c>brokers.meshery.io</c> and <c>meshsyncs.meshery.io</c> alone.</summary>
    public static IReadOnlyList<ManifestDocument> LoadCustomResourceDefinitions() => ReadResources(CrdPrefix);

    /// <summary>The raw YAML of the whole bundle, documents separated by <c>---</c> (for <c>kubectl apply -f -</c>).</summary>
    public static string ReadYaml()
    {
        var names = ResourceNames(BundlePrefix).Take(1).Concat(ResourceNames(CrdPrefix)).Concat(ResourceNames(BundlePrefix).Skip(1));
        return string.Join("---\n", names.Select(ReadText));
    }

    private static IEnumerable<JsonObject> AgentContainers(IEnumerable<ManifestDocument> documents) =>
        documents
            .Where(d => d.Kind == "Deployment" && d.Name == "meshery")
            .SelectMany(d => d.Body["spec"]?["template"]?["spec"]?["containers"]?.AsArray() ?? [])
            .OfType<JsonObject>();

    private static List<ManifestDocument> ReadResources(string prefix) =>
        [.. ResourceNames(prefix).SelectMany(name => YamlManifestReader.Read(ReadText(name)))];

    private static IEnumerable<string> ResourceNames(string prefix) =>
        typeof(InstallBundle).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    private static string ReadText(string resourceName)
    {
        using var stream = typeof(InstallBundle).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"The embedded manifest {resourceName} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
