namespace Meshery.Deploy.Manifests;

/// <summary>Names of Meshery's own custom resources (group <c>meshery.io</c>).</summary>
public static class MesheryKinds
{
    public const string Group = "meshery.io";
    public const string StoredVersion = "v1alpha2";
    public const string ApiVersion = Group + "/" + StoredVersion;
    public const string ApiVersionV1Alpha1 = Group + "/v1alpha1";
    public const string Broker = "Broker";
    public const string Brokers = "brokers";
    public const string MeshSync = "MeshSync";
    public const string MeshSyncs = "meshsyncs";
    public const string Namespace = "meshery";
}
