using System.Reflection;

namespace Meshery.Testing.Functions;

/// <summary>Finds a Functions app's build output in this repository.</summary>
public static class FunctionsAppLocator
{
    private const string SolutionFile = "Meshery.sln";

    /// <summary>
    /// The folder <c>&lt;project&gt;/bin/&lt;Configuration&gt;/net&lt;N&gt;/</c> under the repository root (found by walking up
    /// from the test assembly to <c>Meshery.sln</c>), built with the same configuration as the tests.
    /// </summary>
    /// <param name="projectDirectory">The Functions project folder, relative to the repository root.</param>
    public static string Locate(string projectDirectory = "provider/functions")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectDirectory);
        var root = FindRepositoryRoot(AppContext.BaseDirectory);
        var configuration = typeof(FunctionsAppLocator).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var framework = $"net{Environment.Version.Major}.{Environment.Version.Minor}";
        var output = Path.GetFullPath(Path.Combine(root, projectDirectory, "bin", configuration, framework));
        if (!File.Exists(Path.Combine(output, FunctionsHostEmulator.WorkerConfigFile)))
        {
            throw new DirectoryNotFoundException(
                $"No built Functions app in '{output}'. Build '{projectDirectory}' with configuration {configuration} " +
                "(a test project referencing it with ReferenceOutputAssembly=\"false\" builds it).");
        }

        return output;
    }

    private static string FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No {SolutionFile} above '{start}'.");
    }
}
