using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Meshery.Cli.Config;

/// <summary>
/// <c>~/.meshery/config.yaml</c> in upstream's format (<c>contexts</c>, <c>current-context</c>, <c>tokens</c>),
/// edited in place so keys this CLI does not know survive a round trip.
/// </summary>
public sealed partial class MesheryConfig
{
    private const string ContextsKey = "contexts";
    private const string CurrentContextKey = "current-context";

    private readonly YamlMappingNode _root;

    private MesheryConfig(string path, YamlMappingNode root, bool exists)
    {
        FilePath = path;
        _root = root;
        Exists = exists;
    }

    public string FilePath { get; }

    /// <summary>False when the file did not exist and this is upstream's default config.</summary>
    public bool Exists { get; }

    public string? CurrentContext
    {
        get => ScalarValue(_root, CurrentContextKey);
        set => SetScalar(_root, CurrentContextKey, value);
    }

    public IReadOnlyList<string> ContextNames =>
        Contexts(create: false)?.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? "").ToList() ?? [];

    /// <summary>Reads <paramref name="path"/>; a missing file gives the default config (one <c>local</c> context).</summary>
    public static MesheryConfig Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (FileNotFoundException)
        {
            return Parse(DefaultYaml, path, exists: false);
        }
        catch (DirectoryNotFoundException)
        {
            return Parse(DefaultYaml, path, exists: false);
        }
        catch (IOException ex)
        {
            throw new CliException($"cannot read config file {path}: {ex.Message}", ex);
        }

        return Parse(text, path, exists: true);
    }

    public static MesheryConfig Parse(string yaml, string path, bool exists = true)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            throw new CliException(
                string.Create(CultureInfo.InvariantCulture, $"config file {path} is not valid YAML (line {ex.Start.Line}, column {ex.Start.Column}): {Reason(ex)}"), ex);
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet's scanner gives up this way on some malformed input (an unterminated flow collection).
            throw new CliException($"config file {path} is not valid YAML (an unterminated [ ] or {{ }} collection?)", ex);
        }

        YamlMappingNode root;
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            root = new YamlMappingNode();
        }
        else if (stream.Documents[0].RootNode is YamlMappingNode mapping)
        {
            root = mapping;
        }
        else
        {
            throw new CliException($"config file {path} must be a YAML mapping with 'contexts' and 'current-context'");
        }

        var config = new MesheryConfig(path, root, exists);
        config.Validate();
        return config;
    }

    public bool HasContext(string name) => ContextNode(name) is not null;

    public ContextSettings GetContext(string name)
    {
        var node = ContextNode(name) ?? throw new CliException($"context '{name}' does not exist in {FilePath}");
        return new ContextSettings
        {
            Endpoint = ScalarValue(node, "endpoint"),
            Token = ScalarValue(node, "token"),
            Platform = ScalarValue(node, "platform"),
            Components = node.Children.TryGetValue(new YamlScalarNode("components"), out var c) && c is YamlSequenceNode seq
                ? seq.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").ToList()
                : [],
            Channel = ScalarValue(node, "channel"),
            Version = ScalarValue(node, "version"),
            Provider = ScalarValue(node, "provider"),
        };
    }

    /// <summary>Creates or updates a context: every non-null setting is written; other keys are kept.</summary>
    public void SetContext(string name, ContextSettings settings)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(settings);
        var contexts = Contexts(create: true)!;
        if (ContextNode(name) is not { } node)
        {
            node = new YamlMappingNode();
            contexts.Add(new YamlScalarNode(name), node);
        }

        SetScalar(node, "endpoint", settings.Endpoint, keepWhenNull: true);
        SetScalar(node, "token", settings.Token, keepWhenNull: true);
        SetScalar(node, "platform", settings.Platform, keepWhenNull: true);
        var componentsKey = new YamlScalarNode("components");
        if (settings.Components.Count > 0 || !node.Children.ContainsKey(componentsKey))
        {
            node.Children[componentsKey] = new YamlSequenceNode(settings.Components.Select(c => new YamlScalarNode(c)));
        }

        SetScalar(node, "channel", settings.Channel, keepWhenNull: true);
        SetScalar(node, "version", settings.Version, keepWhenNull: true);
        SetScalar(node, "provider", settings.Provider, keepWhenNull: true);
    }

    /// <summary>Sets one key of a context (for example <c>provider</c>).</summary>
    public void SetContextValue(string name, string key, string value)
    {
        var node = ContextNode(name) ?? throw new CliException($"context '{name}' does not exist in {FilePath}");
        SetScalar(node, key, value);
    }

    public bool RemoveContext(string name)
    {
        var contexts = Contexts(create: false);
        return contexts is not null && contexts.Children.Remove(new YamlScalarNode(name));
    }

    /// <summary>The whole file, or one context, as a YAML text.</summary>
    public string ToYaml() => Serialize(_root);

    public string ContextToYaml(string name) =>
        Serialize(ContextNode(name) ?? throw new CliException($"context '{name}' does not exist in {FilePath}"));

    /// <summary>Writes the file (creating <c>~/.meshery</c>), replacing it atomically.</summary>
    public void Save()
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(FilePath));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        var temp = FilePath + ".tmp";
        File.WriteAllText(temp, ToYaml());
        File.Move(temp, FilePath, overwrite: true);
    }
}
