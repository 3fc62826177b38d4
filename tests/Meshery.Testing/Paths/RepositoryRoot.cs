namespace Meshery.Testing.Paths;

/// <summary>Finds the repository's root folder: the nearest folder above the test binaries that holds <c>Meshery.sln</c>.</summary>
public static class RepositoryRoot
{
    private const string Marker = "Meshery.sln";

    private static readonly Lazy<string?> Found = new(() => Search(AppContext.BaseDirectory) ?? Search(Directory.GetCurrentDirectory()));

    /// <summary>The root folder; throws <see cref="DirectoryNotFoundException"/> when no folder above holds <c>Meshery.sln</c>.</summary>
    public static string Path => Found.Value
        ?? throw new DirectoryNotFoundException(
            $"No folder above '{AppContext.BaseDirectory}' holds {Marker}; run the tests from a checkout of the repository.");

    /// <summary>A path under the root, e.g. <c>RepositoryRoot.Combine("tools", "azurite")</c>.</summary>
    public static string Combine(params string[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        return System.IO.Path.Combine([Path, .. parts]);
    }

    private static string? Search(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, Marker)))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
