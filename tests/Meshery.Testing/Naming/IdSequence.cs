using System.Security.Cryptography;

namespace Meshery.Testing.Naming;

/// <summary>
/// Unique names for isolating tests that share a fixture: a letter, a random token per sequence
/// and a counter, e.g. <c>t4f0a9c12</c>. Only lowercase letters and digits, so the same id is a
/// valid NATS subject token, Azure table name and blob container name.
/// </summary>
public sealed class IdSequence
{
    private readonly string _prefix;
    private long _counter;

    public IdSequence(string prefix = "t")
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        if (!char.IsAsciiLetterLower(prefix[0]) || !prefix.All(char.IsAsciiLetterOrDigit) || prefix.Any(char.IsAsciiLetterUpper))
        {
            throw new ArgumentException("The prefix must start with a lowercase letter and hold only lowercase letters and digits.", nameof(prefix));
        }

        _prefix = prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
    }

    /// <summary>The next id; never the same twice for this sequence.</summary>
    public string Next() => _prefix + Interlocked.Increment(ref _counter).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
