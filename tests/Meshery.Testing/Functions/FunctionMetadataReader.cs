using System.Text.Json;
using Meshery.Testing.Functions.Protos;

namespace Meshery.Testing.Functions;

/// <summary>Reads what the emulator needs from <c>worker.config.json</c>, <c>host.json</c> and the worker's function metadata.</summary>
internal static class FunctionMetadataReader
{
    private const string DefaultRoutePrefix = "api";

    private static readonly JsonDocumentOptions Lenient = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>The executable (<c>defaultExecutablePath</c>) and worker dll (<c>defaultWorkerPath</c>) of the app.</summary>
    public static (string Executable, string WorkerPath) ReadWorkerConfig(string appDirectory)
    {
        var path = Path.Combine(appDirectory, FunctionsHostEmulator.WorkerConfigFile);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"'{appDirectory}' is not a built Functions app: it has no {FunctionsHostEmulator.WorkerConfigFile}.", path);
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path), Lenient);
        var description = document.RootElement.GetProperty("description");
        var executable = description.TryGetProperty("defaultExecutablePath", out var e) ? e.GetString() : null;
        var worker = description.TryGetProperty("defaultWorkerPath", out var w) ? w.GetString() : null;
        if (string.IsNullOrEmpty(executable) || string.IsNullOrEmpty(worker))
        {
            throw new InvalidOperationException($"'{path}' names no defaultExecutablePath or defaultWorkerPath.");
        }

        return (executable, worker);
    }

    /// <summary>The <c>extensions.http.routePrefix</c> of <c>host.json</c>; <c>api</c> when absent.</summary>
    public static string ReadRoutePrefix(string appDirectory)
    {
        var path = Path.Combine(appDirectory, "host.json");
        if (!File.Exists(path))
        {
            return DefaultRoutePrefix;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path), Lenient);
        return document.RootElement.TryGetProperty("extensions", out var extensions)
            && extensions.TryGetProperty("http", out var http)
            && http.TryGetProperty("routePrefix", out var prefix)
            && prefix.ValueKind == JsonValueKind.String
                ? prefix.GetString()!.Trim('/')
                : DefaultRoutePrefix;
    }

    /// <summary>Describes a function from the worker's metadata; HTTP details come from its <c>httpTrigger</c> raw binding.</summary>
    public static FunctionsHostFunction Describe(RpcFunctionMetadata metadata, string routePrefix)
    {
        foreach (var raw in metadata.RawBindings)
        {
            using var binding = JsonDocument.Parse(raw, Lenient);
            var root = binding.RootElement;
            if (!IsHttpTrigger(root))
            {
                continue;
            }

            var route = root.TryGetProperty("route", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString()! : metadata.Name;
            var methods = root.TryGetProperty("methods", out var m) && m.ValueKind == JsonValueKind.Array
                ? m.EnumerateArray().Select(x => x.GetString()!.ToUpperInvariant()).ToArray()
                : [];
            var name = root.TryGetProperty("name", out var n) ? n.GetString() : null;
            return new FunctionsHostFunction(metadata.Name, metadata.FunctionId, metadata.EntryPoint, CombineRoute(routePrefix, route), methods, name);
        }

        return new FunctionsHostFunction(metadata.Name, metadata.FunctionId, metadata.EntryPoint, Route: null, Methods: [], TriggerName: null);
    }

    private static bool IsHttpTrigger(JsonElement binding) =>
        binding.TryGetProperty("type", out var type)
        && string.Equals(type.GetString(), "httpTrigger", StringComparison.OrdinalIgnoreCase)
        && (!binding.TryGetProperty("direction", out var direction)
            || string.Equals(direction.GetString(), "in", StringComparison.OrdinalIgnoreCase));

    private static string CombineRoute(string prefix, string route)
    {
        route = route.Trim('/');
        return prefix.Length == 0 ? route : route.Length == 0 ? prefix : $"{prefix}/{route}";
    }
}
