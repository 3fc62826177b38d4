using System.Text.Json;
using Meshery.ExtensionPoints.Json;

namespace Meshery.Agent.Tests.Support;

/// <summary>Compares wire records by their JSON (records holding a <c>JsonObject</c> compare it by reference).</summary>
public static class JsonAssert
{
    public static void Same<T>(T expected, T actual) =>
        Assert.Equal(JsonSerializer.Serialize(expected, MesheryJson.Options), JsonSerializer.Serialize(actual, MesheryJson.Options));
}
