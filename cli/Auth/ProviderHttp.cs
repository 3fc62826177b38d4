using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Meshery.Cli.Auth;

/// <summary>
/// The HTTP client for a provider: the system's trusted CAs, plus those of a PEM file when one is given
/// (a provider behind a private CA, or a test's self-signed one).
/// </summary>
public static class ProviderHttp
{
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    public static HttpClient Create(string? caFile)
    {
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, ConnectTimeout = TimeSpan.FromSeconds(10) };
        if (!string.IsNullOrEmpty(caFile))
        {
            var roots = LoadCertificates(caFile);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                errors == SslPolicyErrors.None || (errors == SslPolicyErrors.RemoteCertificateChainErrors && certificate is not null && ChainsTo(certificate, roots));
        }

        return new HttpClient(handler) { Timeout = RequestTimeout };
    }

    private static X509Certificate2Collection LoadCertificates(string caFile)
    {
        var roots = new X509Certificate2Collection();
        try
        {
            roots.ImportFromPemFile(caFile);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new CliException($"cannot read the CA file {caFile}: {ex.Message}", ex);
        }

        return roots.Count > 0 ? roots : throw new CliException($"the CA file {caFile} holds no PEM certificate");
    }

    private static bool ChainsTo(X509Certificate certificate, X509Certificate2Collection roots)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = new X509Certificate2(certificate);
        return chain.Build(leaf);
    }
}
