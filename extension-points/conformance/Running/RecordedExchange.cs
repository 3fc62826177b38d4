namespace Meshery.ExtensionPoints.Conformance.Running;

/// <summary>One request the kit sent and the status it got.</summary>
public sealed record RecordedExchange(string Method, string PathAndQuery, int Status, string? ETag, string? MediaType)
{
    public override string ToString() => $"{Method} {PathAndQuery}";
}
