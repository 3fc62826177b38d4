// The provider's Function App: Flex Consumption plan (Linux), .NET isolated worker, system-assigned
// identity, HTTPS only with TLS 1.2 at least, FTP(S) and basic publishing credentials off. The
// deployment package is read from a blob container with the app's identity. App settings are
// applied by app-settings.bicep once the identity holds its roles, so Key Vault references resolve
// on the first start.

@description('Azure region of the resources.')
param location string

@description('Tags set on every resource.')
param tags object

@description('Name of the Flex Consumption plan.')
param planName string

@description('Name of the Function App (the first label of <name>.azurewebsites.net).')
param name string

@description('Blob container URL holding the deployment package.')
param deploymentContainerUrl string

@description('.NET version of the isolated worker.')
param dotnetVersion string

@description('Most instances the app scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int

@description('Memory of each instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

@description('Optional custom host name (for example provider.example.com); empty for none.')
param customDomainName string

@description('Thumbprint of a certificate for the custom host name already in the resource group; empty to bind without TLS (as the first, verifying deployment does).')
param customDomainCertificateThumbprint string

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    publicNetworkAccess: 'Enabled'
    keyVaultReferenceIdentity: 'SystemAssigned'
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'SystemAssignedIdentity'
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: dotnetVersion
      }
    }
  }
}

resource ftpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

resource customDomain 'Microsoft.Web/sites/hostNameBindings@2025-03-01' = if (!empty(customDomainName)) {
  parent: site
  name: customDomainName
  properties: {
    siteName: site.name
    hostNameType: 'Verified'
    customHostNameDnsRecordType: 'CName'
    sslState: empty(customDomainCertificateThumbprint) ? 'Disabled' : 'SniEnabled'
    thumbprint: empty(customDomainCertificateThumbprint) ? null : customDomainCertificateThumbprint
  }
}

output name string = site.name
output principalId string = site.identity.principalId
output defaultHostName string = site.properties.defaultHostName
output customDomainVerificationId string = site.properties.customDomainVerificationId
