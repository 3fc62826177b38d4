namespace Meshery.Testing.CloudEvents;

/// <summary>One case of the CloudEvents JSON conformance files: an event or a batch, and whether it is valid.</summary>
public sealed record ConformanceCase(string File, string Id, string Json, bool IsBatch, bool Valid)
{
    /// <summary>The structured-mode content type the case is sent with.</summary>
    public string MediaType => IsBatch ? "application/cloudevents-batch+json" : "application/cloudevents+json";

    public override string ToString() => $"{File}:{Id}";
}
