using System.Text.Json.Serialization;
using Meshery.Cli.Auth;

namespace Meshery.Cli;

/// <summary>The CLI's files and wire types, serialized without reflection.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AuthDocument))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
