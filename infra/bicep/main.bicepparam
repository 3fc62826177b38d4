// Parameters of main.bicep. Secrets and keys come from the environment of whoever deploys, never from
// this file:
//   MESHERY_PROVIDER_TOKEN_ISSUER         the sign-in server URL (the iss of accepted tokens)
//   MESHERY_PROVIDER_SIGNING_KID          kid of the token signing key
//   MESHERY_PROVIDER_SIGNING_PUBLIC_KEY   its RSA public key, PEM
//   MESHERY_PROVIDER_CREDENTIAL_KEY       base64 of 32 random bytes (openssl rand -base64 32)
// and, optionally:
//   MESHERY_PROVIDER_CUSTOM_DOMAIN        a custom host name (provider.example.com)
//   MESHERY_PROVIDER_CUSTOM_DOMAIN_CERT   the thumbprint of its certificate (after the name is verified)
using 'main.bicep'

param baseName = 'meshery'

param tokenIssuer = readEnvironmentVariable('MESHERY_PROVIDER_TOKEN_ISSUER')

param tokenSigningKeys = [
  {
    kid: readEnvironmentVariable('MESHERY_PROVIDER_SIGNING_KID')
    publicKeyPem: readEnvironmentVariable('MESHERY_PROVIDER_SIGNING_PUBLIC_KEY')
  }
]

param credentialKey = readEnvironmentVariable('MESHERY_PROVIDER_CREDENTIAL_KEY')

param tablePrefix = 'meshery'

param customDomainName = readEnvironmentVariable('MESHERY_PROVIDER_CUSTOM_DOMAIN', '')

param customDomainCertificateThumbprint = readEnvironmentVariable('MESHERY_PROVIDER_CUSTOM_DOMAIN_CERT', '')
