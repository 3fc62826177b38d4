using Meshery.Agent.Adapters.Protos;
using Meshery.Deploy.Manifests;

namespace Meshery.Agent.Adapters.Operations;

/// <summary>A sample application whose manifests are embedded in this assembly (<c>Samples/{key}.yaml</c>).</summary>
public sealed class SampleApplicationOperation : ManifestOperation
{
    public const string HttpBin = "httpbin";

    private readonly IReadOnlyList<ManifestDocument> _documents;

    public SampleApplicationOperation(string key, string description)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        Key = key;
        Description = description;
        using var stream = typeof(SampleApplicationOperation).Assembly.GetManifestResourceStream($"samples/{key}.yaml")
            ?? throw new ArgumentException($"No sample application '{key}' is embedded.", nameof(key));
        using var reader = new StreamReader(stream);
        _documents = YamlManifestReader.Read(reader);
    }

    public override string Key { get; }

    public override string Description { get; }

    public override OpCategory Category => OpCategory.SampleApplication;

    public override string Title => $"{Key} sample application";

    public override IReadOnlyList<ManifestDocument> Prepare(OperationRequest request) => _documents;
}
