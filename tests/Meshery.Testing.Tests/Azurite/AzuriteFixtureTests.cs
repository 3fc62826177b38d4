using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Meshery.Testing.Azurite;

namespace Meshery.Testing.Tests.Azurite;

[Collection(AzuriteCollection.Name)]
public sealed class AzuriteFixtureTests(AzuriteFixture azurite) : IDisposable
{
    public void Dispose() => azurite.WriteLogIfTestFailed();

    [Fact]
    public void ConnectionStringNamesEveryEndpoint()
    {
        Assert.Contains($"TableEndpoint=http://127.0.0.1:{azurite.TablePort}/devstoreaccount1", azurite.ConnectionString, StringComparison.Ordinal);
        Assert.Contains($"BlobEndpoint=http://127.0.0.1:{azurite.BlobPort}/devstoreaccount1", azurite.ConnectionString, StringComparison.Ordinal);
        Assert.Contains("AccountName=devstoreaccount1", azurite.ConnectionString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TableEntityRoundTrips()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var tables = new TableServiceClient(azurite.ConnectionString);
        var table = tables.GetTableClient(azurite.NextId());
        await table.CreateIfNotExistsAsync(cancellationToken);

        await table.AddEntityAsync(
            new TableEntity("environments", "env-1") { ["Name"] = "staging", ["Version"] = 3 },
            cancellationToken);
        var stored = await table.GetEntityAsync<TableEntity>("environments", "env-1", cancellationToken: cancellationToken);

        Assert.Equal("staging", stored.Value.GetString("Name"));
        Assert.Equal(3, stored.Value.GetInt32("Version"));
        Assert.NotNull(stored.Value.ETag.ToString());
    }

    [Fact]
    public async Task TablesAreIsolatedByName()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var tables = new TableServiceClient(azurite.ConnectionString);
        var first = tables.GetTableClient(azurite.NextId());
        var second = tables.GetTableClient(azurite.NextId());
        await first.CreateIfNotExistsAsync(cancellationToken);
        await second.CreateIfNotExistsAsync(cancellationToken);

        await first.AddEntityAsync(new TableEntity("p", "r"), cancellationToken);

        var inSecond = await second.GetEntityIfExistsAsync<TableEntity>("p", "r", cancellationToken: cancellationToken);
        Assert.False(inSecond.HasValue);
    }

    [Fact]
    public async Task BlobRoundTrips()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var blobs = new BlobServiceClient(azurite.ConnectionString);
        var container = blobs.GetBlobContainerClient(azurite.NextId());
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var blob = container.GetBlobClient("designs/design-1.yaml");

        await blob.UploadAsync(BinaryData.FromString("name: design-1\n"), cancellationToken);
        var downloaded = await blob.DownloadContentAsync(cancellationToken);

        Assert.Equal("name: design-1\n", downloaded.Value.Content.ToString());
    }
}
