using System.Text.Json.Nodes;
using k8s;
using Meshery.Deploy.Install;
using Meshery.Deploy.Manifests;
using Meshery.Testing.Kubernetes;

namespace Meshery.Agent.Operator.Tests.Install;

public sealed class CustomResourceDefinitionTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public void Both_CRDs_serve_v1alpha1_and_v1alpha2_store_v1alpha2_and_carry_names_schema_and_columns()
    {
        var crds = InstallBundle.LoadCustomResourceDefinitions().ToDictionary(d => d.Name);

        Assert.Equal(["brokers.meshery.io", "meshsyncs.meshery.io"], crds.Keys.Order());
        foreach (var crd in crds.Values)
        {
            var versions = ((JsonArray)crd.Body["spec"]!["versions"]!).OfType<JsonObject>().ToList();
            Assert.Equal(["v1alpha1", "v1alpha2"], versions.Select(v => (string?)v["name"]));
            Assert.All(versions, v => Assert.True((bool)v["served"]!));
            Assert.Equal(["v1alpha2"], versions.Where(v => (bool)v["storage"]!).Select(v => (string?)v["name"]));
            Assert.All(versions, v => Assert.NotNull(v["subresources"]!["status"]));
            Assert.All(versions, v => Assert.Contains("Age", ((JsonArray)v["additionalPrinterColumns"]!).Select(c => (string?)c!["name"])));
            Assert.Equal(["meshery"], ((JsonArray)crd.Body["spec"]!["names"]!["categories"]!).Select(c => (string?)c));
        }

        var broker = crds["brokers.meshery.io"].Body["spec"]!;
        var size = broker["versions"]![1]!["schema"]!["openAPIV3Schema"]!["properties"]!["spec"]!["properties"]!["size"]!;
        Assert.Equal(["br"], ((JsonArray)broker["names"]!["shortNames"]!).Select(c => (string?)c));
        Assert.Equal((1, 10, 1), ((int)size["minimum"]!, (int)size["maximum"]!, (int)size["default"]!));
        var meshSyncSpec = crds["meshsyncs.meshery.io"].Body["spec"]!["versions"]![1]!["schema"]!["openAPIV3Schema"]!["properties"]!["spec"]!["properties"]!;
        Assert.NotNull(meshSyncSpec["watch-list"]);
        Assert.NotNull(meshSyncSpec["broker"]!["properties"]!["native"]);
    }

    [Fact]
    public async Task Applied_CRDs_are_established_and_serve_both_versions()
    {
        await using var server = await FakeKubeApiServer.StartAsync(cancellationToken: _ct);
        using var client = server.CreateClient();
        var applier = new BundleApplier(client);
        foreach (var crd in InstallBundle.LoadCustomResourceDefinitions())
        {
            await applier.ApplyAsync(crd, _ct);
        }

        var established = await client.ApiextensionsV1.ReadCustomResourceDefinitionAsync("brokers.meshery.io", cancellationToken: _ct);
        var resources = await client.CustomObjects.GetAPIResourcesAsync("meshery.io", "v1alpha1", _ct);
        var v2 = await client.CustomObjects.GetAPIResourcesAsync("meshery.io", "v1alpha2", _ct);
        await client.CoreV1.CreateNamespaceAsync(new k8s.Models.V1Namespace { Metadata = new() { Name = "meshery" } }, cancellationToken: _ct);
        var created = await client.CustomObjects.CreateNamespacedCustomObjectAsync(
            new JsonObject { ["apiVersion"] = "meshery.io/v1alpha1", ["kind"] = "Broker", ["metadata"] = new JsonObject { ["name"] = "b" }, ["spec"] = new JsonObject { ["size"] = 1 } },
            "meshery.io", "v1alpha1", "meshery", "brokers", cancellationToken: _ct);
        var listed = KubernetesJson.Serialize(await client.CustomObjects.ListNamespacedCustomObjectAsync("meshery.io", "v1alpha2", "meshery", "brokers", cancellationToken: _ct));

        Assert.Contains(established.Status.Conditions, c => c.Type == "Established" && c.Status == "True");
        Assert.Equal(["v1alpha2"], established.Status.StoredVersions);
        Assert.Contains(resources.Resources, r => r.Name == "brokers" && r.ShortNames?.Contains("br") == true);
        Assert.Contains(v2.Resources, r => r.Name == "meshsyncs");
        Assert.Contains(v2.Resources, r => r.Name == "brokers/status");
        Assert.NotNull(created);
        Assert.Contains("\"name\":\"b\"", listed, StringComparison.Ordinal);
    }
}
