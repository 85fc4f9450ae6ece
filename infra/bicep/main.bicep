// Sith Synth in Azure: a Flex Consumption function app (Durable Functions, identity-only storage) with its
// artifacts account, telemetry, the role assignments its identity needs, and the web client as a Static Web App.
//
// Scope: resource group. Each environment lives in one resource group that an administrator creates once;
// the deploying identity (GitHub OIDC or a developer running `azd up`) then needs rights on that group
// only, never on the subscription. azd supports this scope when AZURE_RESOURCE_GROUP is set.
targetScope = 'resourceGroup'

@description('Environment name; goes into every resource name and tag.')
@allowed([
  'dev'
  'prod'
])
param environmentName string

@description('Region for every resource; must offer Flex Consumption.')
param location string = resourceGroup().location

@description('Origins (scheme://host[:port]) of the web client allowed to call the API from a browser, besides the Static Web App deployed here (always allowed): a custom domain or a dev server. Never "*".')
param allowedOrigins string[] = []

@description('Region of the web client\'s Static Web App; the Free tier exists in these regions only.')
@allowed([
  'westus2'
  'centralus'
  'eastus2'
  'westeurope'
  'eastasia'
])
param webClientLocation string = 'westeurope'

@description('Days after which generated lead sheets are deleted from the artifacts account.')
@minValue(1)
@maxValue(3650)
param artifactRetentionDays int = 7

@description('Upper bound on function app instances.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory per function app instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Bar-variations (bars x variations) one caller may start per minute; 0 for no limit. 640 is 40 default 16-bar sheets.')
@minValue(0)
param clientBudget int = 640

@description('Bar-variations of unfinished generations one anonymous caller may have at once; 0 for no cap. 320 is one of the largest requests (40 bars x 8 variations).')
@minValue(0)
param clientInFlight int = 320

@description('Bar-variations a caller with an API key (sithsynth api-key issue) may start per minute; 0 for no limit.')
@minValue(0)
param keyBudget int = 2560

@description('Bar-variations of unfinished generations a caller with an API key may have at once; 0 for no cap.')
@minValue(0)
param keyInFlight int = 1280

@description('Bar-variations all callers together may start per minute; 0 for no limit.')
@minValue(0)
param globalBudget int = 12000

@description('Days Log Analytics keeps telemetry.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

// Stable per resource group and environment, so redeploying updates rather than duplicates.
var token = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName))
var tags = {
  application: 'sithsynth'
  environment: environmentName
  // azd matches resources to its environment by this tag.
  'azd-env-name': environmentName
}
var deploymentContainerName = 'app-package'
var artifactContainerName = 'generations'
// Holds the idempotency secret every app instance shares (src/Pipeline/Idempotency/SharedSecretBlob.cs); private, and
// outside the lifecycle rule's prefix, so it is never deleted by age.
var idempotencyContainerName = 'sithsynth-secrets'
// Admission counters (src/Pipeline/Admission/BlobAdmissionLedger.cs): one small blob per caller, deleted by age.
var admissionContainerName = 'sithsynth-admission'
var apiKeyContainerName = 'sithsynth-api-keys'

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: 'id-sithsynth-${environmentName}-${token}'
    location: location
    tags: tags
  }
}

module webClient 'modules/static-web-app.bicep' = {
  name: 'web-client'
  params: {
    name: 'stapp-sithsynth-${environmentName}-${token}'
    location: webClientLocation
    tags: tags
  }
}

// Every origin the web client is served from: the Static Web App's own host name plus any listed in allowedOrigins.
// The same list goes to the API's CORS and to the artifacts' blob CORS, since the client calls one and reads files
// from the other.
var webClientOrigins = union([webClient.outputs.origin], allowedOrigins)

module runtimeStorage 'modules/storage-account.bicep' = {
  name: 'runtime-storage'
  params: {
    name: take('stssrt${environmentName}${token}', 24)
    location: location
    tags: tags
    containerNames: [
      deploymentContainerName
    ]
  }
}

module artifactStorage 'modules/storage-account.bicep' = {
  name: 'artifact-storage'
  params: {
    name: take('stssart${environmentName}${token}', 24)
    location: location
    tags: tags
    containerNames: [
      artifactContainerName
      idempotencyContainerName
      admissionContainerName
      apiKeyContainerName
    ]
    deleteAfterDays: artifactRetentionDays
    // Generated sheets, and admission counters no caller has touched for as long; never the idempotency secret or the API keys.
    lifecyclePrefixes: [
      '${artifactContainerName}/'
      '${admissionContainerName}/'
    ]
    browserReadOrigins: webClientOrigins
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    workspaceName: 'log-sithsynth-${environmentName}-${token}'
    applicationInsightsName: 'appi-sithsynth-${environmentName}-${token}'
    location: location
    tags: tags
    retentionInDays: logRetentionInDays
  }
}

module roleAssignments 'modules/role-assignments.bicep' = {
  name: 'role-assignments'
  params: {
    principalId: identity.outputs.principalId
    runtimeStorageAccountName: runtimeStorage.outputs.name
    artifactStorageAccountName: artifactStorage.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
  }
}

module functionApp 'modules/function-app.bicep' = {
  name: 'function-app'
  params: {
    planName: 'plan-sithsynth-${environmentName}-${token}'
    appName: 'func-sithsynth-${environmentName}-${token}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    runtimeStorageAccountName: runtimeStorage.outputs.name
    runtimeBlobEndpoint: runtimeStorage.outputs.blobEndpoint
    deploymentContainerName: deploymentContainerName
    artifactBlobEndpoint: artifactStorage.outputs.blobEndpoint
    artifactContainerName: artifactContainerName
    idempotencyContainerName: idempotencyContainerName
    admissionContainerName: admissionContainerName
    clientBudget: clientBudget
    clientInFlight: clientInFlight
    keyBudget: keyBudget
    keyInFlight: keyInFlight
    globalBudget: globalBudget
    apiKeyContainerName: apiKeyContainerName
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    allowedOrigins: webClientOrigins
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
  }
  // The app must not start before its identity may reach storage and telemetry.
  dependsOn: [
    roleAssignments
  ]
}

// Upper-case names because azd copies outputs into the environment's .env under the same names.
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output FUNCTION_APP_URL string = functionApp.outputs.url
output AZURE_RESOURCE_GROUP string = resourceGroup().name
output ARTIFACT_STORAGE_ACCOUNT_NAME string = artifactStorage.outputs.name
output RUNTIME_STORAGE_ACCOUNT_NAME string = runtimeStorage.outputs.name
output APPLICATION_INSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
output MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output STATIC_WEB_APP_NAME string = webClient.outputs.name
output WEB_CLIENT_URL string = webClient.outputs.origin
