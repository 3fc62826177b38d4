using System.Text.Json;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Meshery.Testing.Kubernetes.Tests;

/// <summary>Small builders for the objects the tests create, and helpers to read failures.</summary>
internal static class TestObjects
{
    public static V1Pod Pod(string name, IDictionary<string, string>? labels = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, Labels = labels },
        Spec = new V1PodSpec { Containers = [new V1Container { Name = "app", Image = "nginx:1.27" }] },
    };

    public static V1ConfigMap ConfigMap(string name, IDictionary<string, string>? data = null, IList<string>? finalizers = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, Finalizers = finalizers },
        Data = data ?? new Dictionary<string, string> { ["a"] = "1" },
    };

    public static V1Deployment Deployment(string name, int replicas = 1, string image = "nginx:1.27") => new()
    {
        ApiVersion = "apps/v1",
        Kind = "Deployment",
        Metadata = new V1ObjectMeta { Name = name, Labels = new Dictionary<string, string> { ["app"] = name } },
        Spec = new V1DeploymentSpec
        {
            Replicas = replicas,
            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = name } },
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = name } },
                Spec = new V1PodSpec
                {
                    Containers =
                    [
                        new V1Container { Name = "app", Image = image },
                        new V1Container { Name = "sidecar", Image = "envoy:1.30" },
                    ],
                },
            },
        },
    };

    public static V1CustomResourceDefinition Crd(string group, string plural, string kind, bool namespaced = true, bool status = true) => new()
    {
        Metadata = new V1ObjectMeta { Name = $"{plural}.{group}" },
        Spec = new V1CustomResourceDefinitionSpec
        {
            Group = group,
            Scope = namespaced ? "Namespaced" : "Cluster",
            Names = new V1CustomResourceDefinitionNames
            {
                Plural = plural,
                Singular = kind.ToLowerInvariant(),
                Kind = kind,
                ListKind = kind + "List",
            },
            Versions =
            [
                new V1CustomResourceDefinitionVersion
                {
                    Name = "v1",
                    Served = true,
                    Storage = true,
                    Schema = new V1CustomResourceValidation
                    {
                        OpenAPIV3Schema = new V1JSONSchemaProps { Type = "object", XKubernetesPreserveUnknownFields = true },
                    },
                    Subresources = status ? new V1CustomResourceSubresources { Status = new object() } : null,
                },
            ],
        },
    };

    /// <summary>The Status object the server sent with a failed call.</summary>
    public static V1Status StatusOf(HttpOperationException e) =>
        KubernetesJson.Deserialize<V1Status>(e.Response.Content);

    public static long Rv(IKubernetesObject<V1ObjectMeta> obj) => long.Parse(obj.Metadata.ResourceVersion, System.Globalization.CultureInfo.InvariantCulture);

    public static long Rv(IKubernetesObject<V1ListMeta> list) => long.Parse(list.Metadata.ResourceVersion, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A ConfigMap as raw JSON, for seeding the server directly.</summary>
    public static System.Text.Json.Nodes.JsonObject RawConfigMap(string ns, string name, string? label = null) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ConfigMap",
        ["metadata"] = new System.Text.Json.Nodes.JsonObject
        {
            ["name"] = name,
            ["namespace"] = ns,
            ["labels"] = new System.Text.Json.Nodes.JsonObject { ["batch"] = label ?? "none" },
        },
        ["data"] = new System.Text.Json.Nodes.JsonObject { ["key"] = name },
    };

    public static JsonElement Json(object value) => (JsonElement)value;

    /// <summary>The one managedFields entry of <paramref name="manager"/>.</summary>
    public static V1ManagedFieldsEntry Entry(IKubernetesObject<V1ObjectMeta> obj, string manager) =>
        Assert.Single(obj.Metadata.ManagedFields, e => e.Manager == manager);

    /// <summary>Asserts an entry's fieldsV1, written in the server's sorted order.</summary>
    public static void AssertFields(string expected, V1ManagedFieldsEntry entry) =>
        Assert.Equal(System.Text.Json.Nodes.JsonNode.Parse(expected)!.ToJsonString(), KubernetesJson.Serialize(entry.FieldsV1));
}
