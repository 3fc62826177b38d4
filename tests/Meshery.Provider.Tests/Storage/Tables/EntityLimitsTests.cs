using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Meshery.ExtensionPoints.Designs;
using Meshery.ExtensionPoints.Events;
using Meshery.Provider.Storage.Tables;

namespace Meshery.Provider.Tests.Storage.Tables;

/// <summary>The limits guard: what the stores build never breaks Table storage's limits, even where Azurite would accept it.</summary>
public sealed class EntityLimitsTests
{
    [Fact]
    public void EstimateFollowsAzuresFormula()
    {
        var entity = new TableEntity("pk", "rk") { ["S"] = "abc", ["I"] = 1, ["B"] = new byte[10], ["F"] = true };

        // 4 + 2*(2+2) + Timestamp (8 + 18 + 8) + S (8 + 2 + 4 + 6) + I (8 + 2 + 4) + B (8 + 2 + 4 + 10) + F (8 + 2 + 1)
        Assert.Equal(4 + 8 + 34 + 20 + 14 + 24 + 11, EntityLimits.EstimateSize(entity));
    }

    [Theory]
    [InlineData(EntityLimits.MaxStringChars, true)]
    [InlineData(EntityLimits.MaxStringChars + 1, false)]
    public void StringsAreLimitedTo32KCharacters(int length, bool allowed)
    {
        var entity = new TableEntity("pk", "rk") { ["S"] = new string('x', length) };

        Assert.Equal(allowed, EntityLimits.Violation(entity) is null);
    }

    [Fact]
    public void PropertiesAreLimitedTo255()
    {
        var entity = new TableEntity("pk", "rk");
        for (var i = 0; i < EntityLimits.MaxProperties - EntityLimits.SystemProperties; i++)
        {
            entity["P" + i] = i;
        }

        Assert.Null(EntityLimits.Violation(entity));
        entity["OneMore"] = 1;
        Assert.Contains("properties", EntityLimits.Violation(entity), StringComparison.Ordinal);
    }

    [Fact]
    public void EntitiesAreLimitedTo1MiB()
    {
        var entity = new TableEntity("pk", "rk");
        for (var i = 0; i < 17; i++)
        {
            entity["P" + i] = new string('x', 31_000);
        }

        Assert.Contains("bytes", EntityLimits.Violation(entity), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a\tb")]
    public void ForbiddenKeyCharactersAreRefused(string key) =>
        Assert.NotNull(EntityLimits.Violation(new TableEntity("pk", key)));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(200 * 1024)]
    [InlineData(600 * 1024)]
    public void SplitDocumentsJoinBackWithoutCuttingSurrogatePairs(int length)
    {
        // Emoji are surrogate pairs; put them everywhere, including across every part boundary.
        var builder = new StringBuilder(length + 2);
        while (builder.Length < length)
        {
            builder.Append(builder.Length % 7 == 0 ? "\U0001F600" : "a");
        }

        var json = builder.ToString();
        var parts = DocumentParts.Split(json);
        Assert.All(parts, p => Assert.True(p.Length <= EntityLimits.DocumentPartChars));
        Assert.All(parts.Where(p => p.Length > 0), p => Assert.False(char.IsHighSurrogate(p[^1])));
        Assert.Equal(json, string.Concat(parts));

        var entity = new TableEntity("pk", "rk");
        if (parts.Count <= DocumentParts.MaxParts)
        {
            DocumentParts.WriteInline(entity, json);
            Assert.Equal(json, DocumentParts.ReadInline(entity));
        }
        else
        {
            Assert.Throws<ArgumentException>(() => DocumentParts.WriteInline(entity, json));
        }
    }

    [Fact]
    public async Task WhatTheCodecBuildsStaysWithinEveryLimit()
    {
        var storage = new TableStorage(
            Microsoft.Extensions.Options.Options.Create(new TableStorageOptions { ConnectionString = "UseDevelopmentStorage=true", CredentialKey = "" }),
            new ContinuationCache(Microsoft.Extensions.Options.Options.Create(new TableStorageOptions()), TimeProvider.System),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<TableStorage>.Instance);
        var events = new DocumentTable<MesheryEvent>(storage, TableDefinitions.Events);
        var designs = new DocumentTable<Design>(storage, TableDefinitions.Designs);
        var key = new DocumentKey(Guid.NewGuid().ToString("D"), Guid.NewGuid().ToString("D"), "x");

        var small = await events.EncodeAsync(key, new(new MesheryEvent { Description = "started", Metadata = new JsonObject { ["a"] = 1 } }), TestContext.Current.CancellationToken);
        var large = await designs.EncodeAsync(key, new(new Design { Name = "d", PatternFile = new string('y', 800 * 1024 / 2) }), TestContext.Current.CancellationToken);

        foreach (var encoded in new[] { small, large })
        {
            Assert.Null(encoded.UploadedBlob);
            Assert.Null(EntityLimits.Violation(encoded.Entity));
            Assert.True(EntityLimits.EstimateSize(encoded.Entity) <= EntityLimits.MaxInlineEntityBytes);
            Assert.True(encoded.Entity.Count <= EntityLimits.MaxProperties);
            Assert.All(encoded.Entity.Select(p => p.Value).OfType<string>(), s => Assert.True(s.Length <= EntityLimits.MaxStringChars));
        }

        Assert.True(large.Entity.GetInt32(DocumentParts.PartsProperty) > 10);
    }
}
