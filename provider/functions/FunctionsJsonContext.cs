using System.Text.Json;
using System.Text.Json.Serialization;
using Meshery.Provider.Functions.System;

namespace Meshery.Provider.Functions;

/// <summary>Source-generated JSON for the payloads the Functions app writes itself.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(HealthPayload))]
[JsonSerializable(typeof(VersionPayload))]
internal sealed partial class FunctionsJsonContext : JsonSerializerContext;
