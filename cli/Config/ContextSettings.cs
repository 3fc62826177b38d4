namespace Meshery.Cli.Config;

/// <summary>One context of <c>~/.meshery/config.yaml</c>, in upstream's keys.</summary>
public sealed record ContextSettings
{
    public const string DefaultEndpoint = "http://localhost:9081";

    public string? Endpoint { get; init; }

    public string? Token { get; init; }

    /// <summary><c>local</c>, <c>kubernetes</c> or <c>docker</c>.</summary>
    public string? Platform { get; init; }

    public IReadOnlyList<string> Components { get; init; } = [];

    public string? Channel { get; init; }

    public string? Version { get; init; }

    /// <summary>The provider's name; <c>None</c> is the local provider.</summary>
    public string? Provider { get; init; }

    /// <summary>The endpoint as a URI (the default one when unset).</summary>
    public Uri EndpointUri(string contextName)
    {
        var text = string.IsNullOrWhiteSpace(Endpoint) ? DefaultEndpoint : Endpoint;
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new CliException($"context '{contextName}' has an invalid endpoint '{text}' (expected http://host:port)");
    }
}
