using System.ComponentModel.DataAnnotations;

namespace Meshery.Provider.Identity.Keys;

/// <summary>One RSA signing key of the sign-in server: its id and its private key in PEM (Key Vault in Azure).</summary>
public sealed class IdentitySigningKeyOptions
{
    [Required]
    public string Kid { get; set; } = "";

    [Required]
    public string PrivateKeyPem { get; set; } = "";
}
