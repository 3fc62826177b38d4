using System.Text;

namespace Meshery.Agent.Tests.Support;

/// <summary>Looks into a SQLite database's files (the main file, its WAL and shared memory) as bytes.</summary>
public static class RawFiles
{
    public static bool Contain(string databasePath, string text)
    {
        var needle = Encoding.UTF8.GetBytes(text);
        foreach (var path in new[] { databasePath, databasePath + "-wal", databasePath + "-shm", databasePath + "-journal" })
        {
            if (File.Exists(path) && File.ReadAllBytes(path).AsSpan().IndexOf(needle) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
