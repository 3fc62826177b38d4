namespace Meshery.ExtensionPoints.Designs;

/// <summary>
/// Meshery's save body: <c>{name, patternData: {...}, save: true}</c> (older releases spell it
/// <c>pattern_data</c>). With no id in <see cref="PatternData"/> a new design is made.
/// </summary>
public sealed record DesignSaveRequest
{
    public string? Name { get; set; }

    public Design? PatternData { get; set; }

    public bool Save { get; set; } = true;
}
