using Meshery.Testing.Storage;

namespace Meshery.Testing.Tests.Storage;

public sealed class TempDirectoryTests
{
    [Fact]
    public void DisposeDeletesTheFolderAndItsContents()
    {
        string path;
        using (var temp = new TempDirectory())
        {
            path = temp.Path;
            Directory.CreateDirectory(temp.Combine("nested"));
            File.WriteAllText(temp.Combine("nested", "meshery.db"), "data");
            File.WriteAllText(temp.Combine("readonly.txt"), "data");
            File.SetAttributes(temp.Combine("readonly.txt"), FileAttributes.ReadOnly);
            Assert.True(Directory.Exists(path));
        }

        Assert.False(Directory.Exists(path));
    }

    [Fact]
    public void EachInstanceGetsItsOwnFolder()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();

        Assert.NotEqual(first.Path, second.Path);
        Assert.StartsWith(Path.GetTempPath(), first.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void DisposeTwiceAndAfterExternalDeleteIsHarmless()
    {
        var temp = new TempDirectory();
        Directory.Delete(temp.Path);

        temp.Dispose();
        temp.Dispose();

        Assert.False(Directory.Exists(temp.Path));
    }
}
