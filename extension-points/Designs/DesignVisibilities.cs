namespace Meshery.ExtensionPoints.Designs;

/// <summary>Who may see a design.</summary>
public static class DesignVisibilities
{
    public const string Private = "private";
    public const string Public = "public";
    public const string Published = "published";

    public static bool IsKnown(string? value) => value is Private or Public or Published;
}
