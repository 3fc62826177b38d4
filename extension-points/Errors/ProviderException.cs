namespace Meshery.ExtensionPoints.Errors;

/// <summary>
/// The one failure type of the provider contract. Every implementation throws it for expected
/// failures so a host can answer with the matching status and a problem details body.
/// </summary>
public sealed class ProviderException : Exception
{
    public ProviderException()
        : this(ProviderErrorKind.Unavailable, "The provider failed.")
    {
    }

    public ProviderException(string message)
        : this(ProviderErrorKind.Unavailable, message)
    {
    }

    public ProviderException(string message, Exception innerException)
        : this(ProviderErrorKind.Unavailable, message, innerException)
    {
    }

    public ProviderException(ProviderErrorKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
    }

    public ProviderErrorKind Kind { get; }

    public static ProviderException NotFound(string entity, object id) =>
        new(ProviderErrorKind.NotFound, $"{entity} '{id}' was not found.");

    public static ProviderException Invalid(string message) => new(ProviderErrorKind.Invalid, message);

    public static ProviderException PreconditionFailed(string entity, object id) =>
        new(ProviderErrorKind.PreconditionFailed, $"{entity} '{id}' was changed by someone else; read it again and retry.");
}
