using System.ComponentModel.DataAnnotations;

namespace Meshery.Provider.Auth;

/// <summary>One RSA signing key: its id and its public key in PEM (the private half stays with the issuer).</summary>
public sealed class SigningKeyOptions
{
    [Required]
    public string Kid { get; set; } = "";

    [Required]
    public string PublicKeyPem { get; set; } = "";
}
