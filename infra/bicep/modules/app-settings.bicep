// The Function App's application settings, applied after its identity holds its roles so that the
// Key Vault references in them resolve on the first start. This replaces every app setting.

@description('Name of the Function App.')
param functionAppName string

@description('The settings, name to value (Key Vault references as @Microsoft.KeyVault(SecretUri=...)).')
param settings object

resource site 'Microsoft.Web/sites@2025-03-01' existing = {
  name: functionAppName
}

resource appSettings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: site
  name: 'appsettings'
  properties: settings
}
