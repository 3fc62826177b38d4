// Key Vault holding the provider's secrets: the storage connection string (made here from the
// account's key, so no one handles it) and the credential encryption key. RBAC only (no access
// policies), soft delete and purge protection on, so a deleted secret cannot be destroyed early.

@description('Azure region of the resources.')
param location string

@description('Tags set on every resource.')
param tags object

@description('Key Vault name: 3 to 24 letters, digits and hyphens, unique in Azure.')
@minLength(3)
@maxLength(24)
param name string

@description('Days a deleted vault or secret can be recovered.')
@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int

@description('The storage account whose connection string the provider uses.')
param storageAccountName string

@description('Base64 of the 32-byte AES-256-GCM key that encrypts credential secrets at rest.')
@secure()
param credentialKey string

@description('Name of the secret holding the storage connection string.')
param storageConnectionSecretName string

@description('Name of the secret holding the credential encryption key.')
param credentialKeySecretName string

resource storage 'Microsoft.Storage/storageAccounts@2026-06-01' existing = {
  name: storageAccountName
}

resource vault 'Microsoft.KeyVault/vaults@2026-05-15' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    enablePurgeProtection: true
    enabledForDeployment: false
    enabledForDiskEncryption: false
    enabledForTemplateDeployment: false
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource storageConnection 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = {
  parent: vault
  name: storageConnectionSecretName
  properties: {
    contentType: 'Azure Storage connection string'
    value: 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'
  }
}

resource credential 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = {
  parent: vault
  name: credentialKeySecretName
  properties: {
    contentType: 'base64 AES-256 key'
    value: credentialKey
  }
}

output name string = vault.name
output id string = vault.id
output storageConnectionSecretUri string = storageConnection.properties.secretUri
output credentialKeySecretUri string = credential.properties.secretUri
