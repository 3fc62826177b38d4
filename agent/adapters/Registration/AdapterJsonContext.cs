using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Meshery.Agent.Adapters.Registration;

/// <summary>Source-generated type information for what the adapter sends over HTTP.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(RegistrationRequest))]
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class AdapterJsonContext : JsonSerializerContext;
