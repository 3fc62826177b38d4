using System.Text.Json;
using Meshery.ExtensionPoints.Json;

namespace Meshery.Provider.Tests.Storage;

/// <summary>Compares wire records by their JSON (records holding a <c>JsonObject</c> or a list compare those by reference).</summary>
public static class JsonAssert
{
    public static void Equal<T>(T expected, T actual) =>
        Assert.Equal(
            JsonSerializer.Serialize(expected, MesheryJson.Options.GetTypeInfo(typeof(T))),
            JsonSerializer.Serialize(actual, MesheryJson.Options.GetTypeInfo(typeof(T))));
}
