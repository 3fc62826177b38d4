using System.Globalization;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Meshery.Cli.Designs;

/// <summary>
/// A design file read from a path or an http(s) URL for <c>design import|apply</c>: at most
/// <see cref="MaxBytes"/>, UTF-8 text, and YAML or JSON whose top level is a mapping.
/// </summary>
public sealed record DesignSource(string Text, string Name, string Origin)
{
    /// <summary>Largest design file sent (well under the server's request body limit, after JSON escaping).</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    /// <summary>Download progress is reported in steps of this many bytes.</summary>
    private const int ProgressStep = 256 * 1024;

    /// <summary>Longest a download of a design from a URL may take.</summary>
    public static readonly TimeSpan DownloadTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Reads <paramref name="location"/>; <paramref name="name"/> wins over the file's own <c>name</c> and its file name.</summary>
    public static async Task<DesignSource> ReadAsync(string location, string? name, Action<string> progress, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        ArgumentNullException.ThrowIfNull(progress);
        byte[] bytes;
        string fileName;
        if (Uri.TryCreate(location, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
        {
            bytes = await DownloadAsync(url, progress, cancellationToken).ConfigureAwait(false);
            fileName = Path.GetFileNameWithoutExtension(url.AbsolutePath);
        }
        else
        {
            var path = Path.GetFullPath(location);
            progress("reading " + path);
            bytes = ReadFile(path);
            fileName = Path.GetFileNameWithoutExtension(path);
            location = path;
        }

        var text = Decode(bytes, location);
        var ownName = Parse(text, location);
        var chosen = FirstNonEmpty(name, ownName, fileName)
            ?? throw new CliException($"{location} gives the design no name; pass --name");
        return new DesignSource(text, chosen, location);
    }

    private static byte[] ReadFile(string path)
    {
        FileInfo info = new(path);
        if (!info.Exists)
        {
            throw new CliException(Directory.Exists(path) ? $"{path} is a folder, not a design file" : $"the design file {path} does not exist");
        }

        if (info.Length > MaxBytes)
        {
            throw new CliException(TooLarge(path, info.Length));
        }

        return File.ReadAllBytes(path);
    }

    private static async Task<byte[]> DownloadAsync(Uri url, Action<string> progress, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = DownloadTimeout };
        progress("downloading " + url);
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new CliException($"cannot download the design from {url}: {Agent.AgentClient.Describe(ex)}", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CliException($"the download of {url} took longer than {DownloadTimeout.TotalSeconds:0} s", ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new CliException(string.Create(CultureInfo.InvariantCulture, $"cannot download the design from {url}: the server answered {(int)response.StatusCode} {response.ReasonPhrase}"));
            }

            if (response.Content.Headers.ContentLength is > MaxBytes and var length)
            {
                throw new CliException(TooLarge(url.ToString(), length));
            }

            using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                // The length header may be missing or wrong: the bytes themselves are counted.
                if (buffer.Length + read > MaxBytes)
                {
                    throw new CliException(TooLarge(url.ToString(), buffer.Length + read));
                }

                buffer.Write(chunk, 0, read);
                progress(string.Create(CultureInfo.InvariantCulture, $"downloaded {buffer.Length / ProgressStep * ProgressStep / 1024} KiB"));
            }

            return buffer.ToArray();
        }
    }

    private static string Decode(byte[] bytes, string location)
    {
        try
        {
            var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
            return string.IsNullOrWhiteSpace(text) ? throw new CliException($"{location} is empty, not a design") : text;
        }
        catch (DecoderFallbackException ex)
        {
            throw new CliException($"{location} is not a design: it is not UTF-8 text", ex);
        }
    }

    /// <summary>Checks the text is a YAML (or JSON) mapping; answers its top-level <c>name</c>.</summary>
    private static string? Parse(string text, string location)
    {
        var yaml = new YamlStream();
        try
        {
            yaml.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new CliException(string.Create(CultureInfo.InvariantCulture, $"{location} is not valid YAML or JSON (line {ex.Start.Line}): {ex.Message}"), ex);
        }

        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new CliException($"{location} is not a design: its top level is not a mapping of keys to values");
        }

        return root.Children.TryGetValue(new YamlScalarNode("name"), out var name) && name is YamlScalarNode { Value: { } value } ? value : null;
    }

    private static string? FirstNonEmpty(params string?[] values) =>
        values.Select(v => v?.Trim()).FirstOrDefault(v => !string.IsNullOrEmpty(v));

    private static string TooLarge(string location, long length) =>
        string.Create(CultureInfo.InvariantCulture, $"{location} is {length / 1024} KiB: larger than the {MaxBytes / 1024 / 1024} MiB a design may be");
}
