namespace Meshery.Agent.MeshAdapters;

/// <summary>An operation an adapter offers: key, description and category (the <c>OpCategory</c> number).</summary>
public sealed record AdapterOperationInfo
{
    public string Key { get; set; } = "";

    public string Value { get; set; } = "";

    public int Category { get; set; }
}
