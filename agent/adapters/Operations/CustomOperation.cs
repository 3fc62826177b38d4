using Meshery.Agent.Adapters.Protos;
using Meshery.Deploy.Manifests;

namespace Meshery.Agent.Adapters.Operations;

/// <summary><c>custom</c>: applies (or deletes) the YAML documents in <c>custom_body</c>.</summary>
public sealed class CustomOperation : ManifestOperation
{
    public const string Name = "custom";

    public override string Key => Name;

    public override string Description => "Custom YAML";

    public override OpCategory Category => OpCategory.Custom;

    public override string Title => "Custom YAML";

    public override IReadOnlyList<ManifestDocument> Prepare(OperationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.CustomBody))
        {
            throw new InvalidManifestException("custom_body is empty: send the YAML to apply.");
        }

        return ReadYaml(request.CustomBody, "custom_body");
    }
}
