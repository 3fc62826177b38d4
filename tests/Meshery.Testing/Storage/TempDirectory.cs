namespace Meshery.Testing.Storage;

/// <summary>A fresh folder under the system temp folder, deleted with everything in it on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    private int _disposed;

    public TempDirectory(string prefix = "meshery-test-")
    {
        ArgumentNullException.ThrowIfNull(prefix);
        Path = Directory.CreateTempSubdirectory(prefix).FullName;
    }

    /// <summary>The folder's full path.</summary>
    public string Path { get; }

    /// <summary>A path inside the folder (nothing is created).</summary>
    public string Combine(params string[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        return System.IO.Path.Combine([Path, .. parts]);
    }

    public override string ToString() => Path;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Already gone.
        }
        catch (IOException)
        {
            // A file still open (e.g. a SQLite file a pooled connection holds): try once more after
            // clearing read-only flags, then leave it to the system's temp cleanup.
            TryDeleteAgain();
        }
        catch (UnauthorizedAccessException)
        {
            TryDeleteAgain();
        }
    }

    private void TryDeleteAgain()
    {
        try
        {
            foreach (var file in Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(file, FileAttributes.Normal);
            }

            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
