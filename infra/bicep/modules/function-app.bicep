// The function app on a Flex Consumption (FC1) plan: Linux, .NET isolated worker, scale to zero.
// Every connection it has is identity-based through the user-assigned identity: there is no storage key
// or secret anywhere in its settings.
// Written directly instead of br/public:avm/res/web/serverfarm and br/public:avm/res/web/site: the build
// machine cannot restore modules from the Bicep public registry.

param planName string
param appName string
param location string
param tags object

@description('Resource ID of the user-assigned identity the app runs as.')
param identityId string

@description('Client ID of that identity; identity-based connections name it so the right one is used.')
param identityClientId string

@description('Account for the Functions host and the Durable task hub (AzureWebJobsStorage).')
param runtimeStorageAccountName string

@description('Blob endpoint of the runtime account, e.g. https://x.blob.core.windows.net/.')
param runtimeBlobEndpoint string

@description('Container in the runtime account that Flex Consumption deploys the app package from.')
param deploymentContainerName string

@description('Blob endpoint of the artifacts account.')
param artifactBlobEndpoint string

@description('Container the app writes generated lead sheets to.')
param artifactContainerName string

@description('Container in the artifacts account holding the idempotency secret all instances share.')
param idempotencyContainerName string

@description('Container in the artifacts account holding the admission counters all instances share.')
param admissionContainerName string

@description('Bar-variations (bars x variations) one caller may start per minute; 0 for no limit.')
@minValue(0)
param clientBudget int

@description('Bar-variations of unfinished generations one anonymous caller may have at once; 0 for no cap.')
@minValue(0)
param clientInFlight int

@description('Bar-variations a caller with an API key may start per minute; 0 for no limit.')
@minValue(0)
param keyBudget int

@description('Bar-variations of unfinished generations a caller with an API key may have at once; 0 for no cap.')
@minValue(0)
param keyInFlight int

@description('Bar-variations all callers together may start per minute; 0 for no limit.')
@minValue(0)
param globalBudget int

@description('Container in the artifacts account holding the API keys (their SHA-256 hashes) that sithsynth api-key issues.')
param apiKeyContainerName string

param applicationInsightsName string

@description('Origins (scheme://host[:port]) of the web client allowed to call the API from a browser.')
param allowedOrigins string[]

@description('Upper bound on scale-out; caps cost if something floods the API.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int

@description('Memory per instance in MB; 2048 is the Flex Consumption default.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    // Flex Consumption is Linux only; `reserved` is how ARM says Linux.
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-11-01' = {
  name: appName
  location: location
  // azd finds the deployment target of service `api` (azure.yaml) by this tag.
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Flex Consumption reads the package from blob storage as the app's identity, not with a SAS or key.
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${runtimeBlobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        // src/Functions targets net10.0 with the isolated worker model.
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      cors: {
        allowedOrigins: allowedOrigins
        supportCredentials: false
      }
      // Flex Consumption rejects FUNCTIONS_WORKER_RUNTIME / FUNCTIONS_EXTENSION_VERSION here: the runtime
      // comes from functionAppConfig above. Names with __ are Microsoft.Extensions.Configuration sections.
      appSettings: [
        // Functions host and the Durable Functions Azure Storage backend (blobs, queues, tables).
        {
          name: 'AzureWebJobsStorage__accountName'
          value: runtimeStorageAccountName
        }
        {
          name: 'AzureWebJobsStorage__credential'
          value: 'managedidentity'
        }
        {
          name: 'AzureWebJobsStorage__clientId'
          value: identityClientId
        }
        // Generated artifacts: src/Functions binds its BlobServiceClient to the `ArtifactStorage` section.
        {
          name: 'ArtifactStorage__blobServiceUri'
          value: artifactBlobEndpoint
        }
        {
          name: 'ArtifactStorage__credential'
          value: 'managedidentity'
        }
        {
          name: 'ArtifactStorage__clientId'
          value: identityClientId
        }
        {
          name: 'ArtifactStorage__containerName'
          value: artifactContainerName
        }
        // Keyed generation ids: the secret comes from a blob in this container, the same for every instance.
        {
          name: 'Idempotency__secretContainer'
          value: idempotencyContainerName
        }
        // Admission: budgets per caller and for everyone, counted in blobs every instance shares.
        {
          name: 'Admission__containerName'
          value: admissionContainerName
        }
        {
          name: 'Admission__clientBudget'
          value: string(clientBudget)
        }
        {
          name: 'Admission__clientInFlight'
          value: string(clientInFlight)
        }
        {
          name: 'Admission__keyBudget'
          value: string(keyBudget)
        }
        {
          name: 'Admission__keyInFlight'
          value: string(keyInFlight)
        }
        {
          name: 'Admission__globalBudget'
          value: string(globalBudget)
        }
        {
          name: 'ApiKeys__containerName'
          value: apiKeyContainerName
        }
        // Telemetry: the connection string locates the resource; Authorization=AAD makes the SDK sign in
        // as our identity, which local-auth-disabled Application Insights requires.
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: applicationInsights.properties.ConnectionString
        }
        {
          name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING'
          value: 'ClientId=${identityClientId};Authorization=AAD'
        }
      ]
    }
  }
}

// Publishing goes through Entra ID (azd, `az functionapp deployment`), so the legacy username/password
// endpoints stay off.
resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: app
  name: 'scm'
  properties: {
    allow: false
  }
}

resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: app
  name: 'ftp'
  properties: {
    allow: false
  }
}

output name string = app.name
output planName string = plan.name
output url string = 'https://${app.properties.defaultHostName}'
