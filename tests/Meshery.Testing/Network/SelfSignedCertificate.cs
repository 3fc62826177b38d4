using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Meshery.Testing.Network;

/// <summary>A throwaway TLS certificate for 127.0.0.1, written as a PFX for Kestrel's configuration.</summary>
public sealed class SelfSignedCertificate : IDisposable
{
    public SelfSignedCertificate(string folder)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=meshery-provider-test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        Certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        Password = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        Path = System.IO.Path.Combine(folder, "provider-test.pfx");
        File.WriteAllBytes(Path, Certificate.Export(X509ContentType.Pfx, Password));
        PemPath = System.IO.Path.Combine(folder, "provider-test.crt");
        File.WriteAllText(PemPath, Certificate.ExportCertificatePem());
    }

    public X509Certificate2 Certificate { get; }

    public string Path { get; }

    public string Password { get; }

    /// <summary>The certificate alone (no key) as PEM: what a client is told to trust.</summary>
    public string PemPath { get; }

    /// <summary>A client that trusts exactly this certificate.</summary>
    public HttpClient CreateClient(Uri baseAddress) =>
        new(CreateHandler()) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>A handler that trusts exactly this certificate.</summary>
    public HttpClientHandler CreateHandler()
    {
        var thumbprint = Certificate.Thumbprint;
        return new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == thumbprint,
            AllowAutoRedirect = false,
            UseProxy = false,
        };
    }

    public void Dispose() => Certificate.Dispose();
}
