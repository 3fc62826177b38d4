using System.Text.Json;
using Meshery.ExtensionPoints.Tokens;

namespace Meshery.Cli.Auth;

/// <summary>
/// Reads and writes <c>auth.json</c>. The file holds secrets: it is written to a temporary file created
/// readable by the owner only (0600) and moved into place, so it is never readable by others, not even briefly.
/// </summary>
public sealed class AuthFile(string path)
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public string FilePath { get; } = path;

    /// <summary>The document, or an empty one when the file does not exist.</summary>
    public AuthDocument Load()
    {
        string text;
        try
        {
            text = File.ReadAllText(FilePath);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return new AuthDocument();
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return new AuthDocument();
        }

        try
        {
            var document = JsonSerializer.Deserialize(text, CliJsonContext.Default.AuthDocument) ?? new AuthDocument();
            document.Contexts = new Dictionary<string, StoredLogin>(document.Contexts, StringComparer.Ordinal);
            return document;
        }
        catch (JsonException ex)
        {
            throw new CliException($"{FilePath} is not valid JSON (line {ex.LineNumber + 1}); fix it or remove it and sign in again", ex);
        }
    }

    /// <summary>The context's sign-in, or null.</summary>
    public StoredLogin? Find(string context) =>
        Load().Contexts.TryGetValue(context, out var login) ? login : null;

    /// <summary>Stores <paramref name="login"/> for <paramref name="context"/> and makes it upstream's current token.</summary>
    public void Store(string context, StoredLogin login)
    {
        ArgumentException.ThrowIfNullOrEmpty(context);
        ArgumentNullException.ThrowIfNull(login);
        var document = Load();
        document.Contexts[context] = login;
        document.Token = new MesheryTokenCookie(login.AccessToken, "bearer", login.RefreshToken, login.ExpiresAt).Encode();
        document.TokenContext = context;
        document.MesheryProvider = login.ProviderName ?? document.MesheryProvider;
        Save(document);
    }

    /// <summary>Removes the context's sign-in (and upstream's token when it was that one); false when there was none.</summary>
    public bool Remove(string context)
    {
        var document = Load();
        var removed = document.Contexts.Remove(context);
        if (string.Equals(document.TokenContext, context, StringComparison.Ordinal))
        {
            document.Token = null;
            document.TokenContext = null;
            removed = true;
        }

        if (removed)
        {
            Save(document);
        }

        return removed;
    }

    private void Save(AuthDocument document)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(FilePath));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        var temp = FilePath + ".tmp";
        File.Delete(temp);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        using (var stream = new FileStream(temp, options))
        {
            JsonSerializer.Serialize(stream, document, CliJsonContext.Default.AuthDocument);
        }

        // The moved file replaces any earlier one (however wide its mode was) with this 0600 one.
        File.Move(temp, FilePath, overwrite: true);
    }
}
