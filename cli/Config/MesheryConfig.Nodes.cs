using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Meshery.Cli.Config;

public sealed partial class MesheryConfig
{
    /// <summary>Upstream's default config, used when the file does not exist yet.</summary>
    public const string DefaultYaml = """
        contexts:
          local:
            endpoint: http://localhost:9081
            token: Default
            platform: local
            components: []
            channel: stable
            version: latest
            provider: None
        current-context: local
        tokens:
        - name: Default
          location: auth.json

        """;

    private YamlMappingNode? Contexts(bool create)
    {
        var key = new YamlScalarNode(ContextsKey);
        if (_root.Children.TryGetValue(key, out var node) && node is YamlMappingNode mapping)
        {
            return mapping;
        }

        if (!create)
        {
            return null;
        }

        mapping = new YamlMappingNode();
        _root.Children[key] = mapping;
        return mapping;
    }

    private YamlMappingNode? ContextNode(string name) =>
        Contexts(create: false) is { } contexts && contexts.Children.TryGetValue(new YamlScalarNode(name), out var node)
            ? node as YamlMappingNode
            : null;

    private void Validate()
    {
        if (_root.Children.TryGetValue(new YamlScalarNode(ContextsKey), out var contexts))
        {
            if (contexts is YamlScalarNode { Value: null or "" or "~" or "null" })
            {
                _root.Children.Remove(new YamlScalarNode(ContextsKey));
                return;
            }

            if (contexts is not YamlMappingNode mapping)
            {
                throw new CliException($"config file {FilePath}: 'contexts' must be a mapping of context names to settings");
            }

            foreach (var (name, value) in mapping.Children)
            {
                if (value is not YamlMappingNode)
                {
                    throw new CliException($"config file {FilePath}: context '{name}' must be a mapping (endpoint, token, platform, ...)");
                }
            }
        }

        if (_root.Children.TryGetValue(new YamlScalarNode(CurrentContextKey), out var current) && current is not YamlScalarNode)
        {
            throw new CliException($"config file {FilePath}: 'current-context' must be a context name");
        }
    }

    private static string? ScalarValue(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode { Value: { Length: > 0 } text } ? text : null;

    private static void SetScalar(YamlMappingNode node, string key, string? value, bool keepWhenNull = false)
    {
        var name = new YamlScalarNode(key);
        if (value is null)
        {
            if (!keepWhenNull)
            {
                node.Children.Remove(name);
            }

            return;
        }

        node.Children[name] = new YamlScalarNode(value);
    }

    private static string Serialize(YamlNode node)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var emitter = new Emitter(writer);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        new NodeEmitter(emitter).Emit(node);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return writer.ToString();
    }

    private static string Reason(YamlException ex)
    {
        var message = ex.InnerException?.Message ?? ex.Message;
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line:", StringComparison.Ordinal) && close > 0 ? message[(close + 3)..] : message;
    }

    /// <summary>Writes a node tree back out keeping each node's style (flow lists stay flow, quotes stay).</summary>
    private sealed class NodeEmitter(IEmitter emitter)
    {
        public void Emit(YamlNode node)
        {
            switch (node)
            {
                case YamlMappingNode mapping:
                    emitter.Emit(new MappingStart(null, Tag(mapping), isImplicit: true, mapping.Style == MappingStyle.Flow && mapping.Children.Count == 0 ? MappingStyle.Flow : mapping.Style));
                    foreach (var (key, value) in mapping.Children)
                    {
                        Emit(key);
                        Emit(value);
                    }

                    emitter.Emit(new MappingEnd());
                    break;
                case YamlSequenceNode sequence:
                    var style = sequence.Children.Count == 0 ? SequenceStyle.Flow : sequence.Style;
                    emitter.Emit(new SequenceStart(null, Tag(sequence), isImplicit: true, style));
                    foreach (var item in sequence.Children)
                    {
                        Emit(item);
                    }

                    emitter.Emit(new SequenceEnd());
                    break;
                case YamlScalarNode scalar:
                    emitter.Emit(new Scalar(null, Tag(scalar), scalar.Value ?? "", scalar.Style, isPlainImplicit: true, isQuotedImplicit: true));
                    break;
                default:
                    emitter.Emit(new Scalar(null, null, "", ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: true));
                    break;
            }
        }

        private static TagName Tag(YamlNode node) => node.Tag;
    }
}
