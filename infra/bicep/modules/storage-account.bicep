// A storage account hardened the same way wherever we use one: Entra ID only (no shared keys, so no
// connection strings can exist), no anonymous blob access, HTTPS with TLS 1.2 at least.
// Written directly instead of br/public:avm/res/storage/storage-account because the build machine that
// compiles and tests these templates cannot reach the Bicep public registry; the properties are the ones
// that module sets for the same hardening.

@description('Globally unique account name: 3-24 lower-case letters and digits.')
@minLength(3)
@maxLength(24)
param name string

param location string
param tags object

@description('Blob containers to create, all private.')
param containerNames string[]

@description('Days after its last change that a blob under `lifecyclePrefixes` is deleted; 0 means never.')
@minValue(0)
param deleteAfterDays int = 0

@description('Containers (optionally with a path) whose blobs the lifecycle rule deletes, e.g. "generations/".')
param lifecyclePrefixes string[] = []

@description('Origins (scheme://host[:port]) whose pages may read blobs with a signed link from the browser: GET only. Empty: none. Never "*".')
param browserReadOrigins string[] = []

resource account 'Microsoft.Storage/storageAccounts@2024-01-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    // Entra ID is the default auth in the portal too, so nobody falls back to keys by accident.
    defaultToOAuthAuthentication: true
    allowCrossTenantReplication: false
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2024-01-01' = {
  parent: account
  name: 'default'
  properties: {
    // The web client fetches the MusicXML and MIDI of a result from their SAS links, cross-origin. A signed link
    // already grants the read; CORS only lets the client's own pages see the bytes, so one GET rule for exactly
    // those origins. A plain GET sends no custom headers, so nothing needs a preflight beyond Range.
    cors: {
      corsRules: empty(browserReadOrigins) ? [] : [
        {
          allowedOrigins: browserReadOrigins
          allowedMethods: [
            'GET'
          ]
          allowedHeaders: [
            'Range'
          ]
          exposedHeaders: [
            'ETag'
          ]
          maxAgeInSeconds: 3600
        }
      ]
    }
  }
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = [
  for containerName in containerNames: {
    parent: blobService
    name: containerName
    properties: {
      publicAccess: 'None'
    }
  }
]

// Generated lead sheets are cheap to regenerate from their seed, so they are not kept forever.
resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2024-01-01' = if (deleteAfterDays > 0) {
  parent: account
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'delete-generated-artifacts'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: lifecyclePrefixes
            }
            actions: {
              baseBlob: {
                delete: {
                  daysAfterModificationGreaterThan: deleteAfterDays
                }
              }
            }
          }
        }
      ]
    }
  }
  dependsOn: [
    containers
  ]
}

output name string = account.name
output id string = account.id
output blobEndpoint string = account.properties.primaryEndpoints.blob
