// Meshery.NET remote provider on Azure: the Functions app (provider/functions, isolated worker) on a
// Flex Consumption plan, its storage account, Key Vault, Application Insights over Log Analytics,
// and the role assignments its managed identity needs. Deploy to a resource group:
//   az deployment group create -g <group> -p infra/bicep/main.bicepparam
// See infra/bicep/README.md for the parameters and each resource's purpose.

targetScope = 'resourceGroup'

@description('One RSA key that may sign the access tokens the provider accepts: its kid and its public key in PEM.')
type signingKey = {
  @description('The kid header of tokens signed with this key.')
  @minLength(1)
  kid: string

  @description('The public key, PEM (-----BEGIN PUBLIC KEY----- ...).')
  @minLength(1)
  publicKeyPem: string
}

@description('Azure region of every resource (Flex Consumption must be offered there).')
param location string = resourceGroup().location

@description('Short prefix of every resource name: letters and digits (the storage account takes it in lower case).')
@minLength(3)
@maxLength(11)
param baseName string = 'meshery'

@description('Tags set on every resource.')
param tags object = {
  application: 'meshery-provider'
}

@description('The name Meshery keeps in its meshery-provider cookie (Meshery:Provider:Name).')
@minLength(1)
param providerName string = 'Meshery.NET'

@description('The iss every access token must carry (Meshery:Provider:Tokens:Issuer): the sign-in server URL.')
@minLength(1)
param tokenIssuer string

@description('The aud every access token must carry (Meshery:Provider:Tokens:Audience).')
@minLength(1)
param tokenAudience string = 'meshery-provider'

@description('Keys that may sign access tokens (Meshery:Provider:Tokens:SigningKeys); two during a rollover.')
@minLength(1)
param tokenSigningKeys signingKey[]

@description('Base64 of 32 random bytes (openssl rand -base64 32): encrypts credential secrets at rest. Keep it: a new key makes stored credentials unreadable.')
@secure()
@minLength(44)
@maxLength(44)
param credentialKey string

@description('Prefix of the provider table names (Meshery:Provider:Storage:TablePrefix).')
@minLength(1)
@maxLength(30)
param tablePrefix string = 'meshery'

@description('Largest request body the provider accepts, in bytes (Meshery:Provider:MaxRequestBodyBytes).')
@minValue(1024)
@maxValue(268435456)
param maxRequestBodyBytes int = 16777216

@description('Optional custom host name of the provider (for example provider.example.com); empty for the default azurewebsites.net name.')
param customDomainName string = ''

@description('Thumbprint of the TLS certificate for customDomainName, already in this resource group; empty binds the name without TLS (the first deployment, which verifies the name).')
param customDomainCertificateThumbprint string = ''

@description('Replication of the storage account.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSkuName string = 'Standard_LRS'

@description('Most instances the Function App scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory of each Function App instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Days Log Analytics keeps logs.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

var suffix = uniqueString(resourceGroup().id, baseName)
var names = {
  storage: toLower(take('${baseName}${suffix}', 24))
  keyVault: take('${baseName}-kv-${suffix}', 24)
  plan: '${baseName}-plan-${suffix}'
  functionApp: '${baseName}-provider-${suffix}'
  workspace: '${baseName}-logs-${suffix}'
  appInsights: '${baseName}-insights-${suffix}'
  deploymentContainer: 'app-package'
}
var secretNames = {
  storageConnection: 'provider-storage-connection-string'
  credentialKey: 'provider-credential-key'
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    tags: tags
    workspaceName: names.workspace
    appInsightsName: names.appInsights
    retentionInDays: logRetentionInDays
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    tags: tags
    name: names.storage
    skuName: storageSkuName
    deploymentContainerName: names.deploymentContainer
    deleteRetentionDays: 7
  }
}

module vault 'modules/key-vault.bicep' = {
  name: 'key-vault'
  params: {
    location: location
    tags: tags
    name: names.keyVault
    softDeleteRetentionInDays: 90
    storageAccountName: storage.outputs.name
    credentialKey: credentialKey
    storageConnectionSecretName: secretNames.storageConnection
    credentialKeySecretName: secretNames.credentialKey
  }
}

module functionApp 'modules/function-app.bicep' = {
  name: 'function-app'
  params: {
    location: location
    tags: tags
    planName: names.plan
    name: names.functionApp
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    dotnetVersion: '10.0'
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    customDomainName: customDomainName
    customDomainCertificateThumbprint: customDomainCertificateThumbprint
  }
}

module roles 'modules/role-assignments.bicep' = {
  name: 'role-assignments'
  params: {
    principalId: functionApp.outputs.principalId
    storageAccountName: storage.outputs.name
    keyVaultName: vault.outputs.name
    appInsightsName: monitoring.outputs.appInsightsName
  }
}

var providerUrl = 'https://${empty(customDomainName) ? functionApp.outputs.defaultHostName : customDomainName}'

// Linux app settings name configuration keys with '__' for ':' (Meshery:Provider:Tokens:Issuer).
var signingKeySettings = reduce(range(0, length(tokenSigningKeys)), {}, (settings, i) => union(settings, {
  'Meshery__Provider__Tokens__SigningKeys__${i}__Kid': tokenSigningKeys[i].kid
  'Meshery__Provider__Tokens__SigningKeys__${i}__PublicKeyPem': tokenSigningKeys[i].publicKeyPem
}))

module appSettings 'modules/app-settings.bicep' = {
  name: 'app-settings'
  dependsOn: [
    roles
  ]
  params: {
    functionAppName: functionApp.outputs.name
    settings: union(signingKeySettings, {
      // The Functions host: its storage through the app identity, telemetry with Entra ID auth.
      AzureWebJobsStorage__accountName: storage.outputs.name
      APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.appInsightsConnectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD'

      // The provider (Meshery:Provider:*).
      Meshery__Provider__Name: providerName
      Meshery__Provider__PublicUrl: providerUrl
      Meshery__Provider__MaxRequestBodyBytes: string(maxRequestBodyBytes)
      Meshery__Provider__Tokens__Issuer: tokenIssuer
      Meshery__Provider__Tokens__Audience: tokenAudience
      Meshery__Provider__Storage__ConnectionString: '@Microsoft.KeyVault(SecretUri=${vault.outputs.storageConnectionSecretUri})'
      Meshery__Provider__Storage__CredentialKey: '@Microsoft.KeyVault(SecretUri=${vault.outputs.credentialKeySecretUri})'
      Meshery__Provider__Storage__TablePrefix: tablePrefix
    })
  }
}

@description('The provider base URL: what Meshery is pointed at (and what the capabilities document advertises).')
output providerUrl string = providerUrl

@description('Name of the Function App, for deploying the package (az functionapp deployment source config-zip).')
output functionAppName string = functionApp.outputs.name

@description('Name of the Key Vault holding the provider secrets.')
output keyVaultName string = vault.outputs.name

@description('Name of the storage account holding the provider tables.')
output storageAccountName string = storage.outputs.name

@description('Value of the asuid.<customDomainName> TXT record that proves ownership of the custom domain.')
output customDomainVerificationId string = functionApp.outputs.customDomainVerificationId
