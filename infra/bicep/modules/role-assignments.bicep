// Everything the app's identity may do, and no more: each role is scoped to the one resource that needs
// it, never to the resource group.
// Written directly instead of br/public:avm/ptn/authorization/resource-role-assignment: the build machine
// cannot restore modules from the Bicep public registry.

@description('Principal (object) ID of the app\'s user-assigned identity.')
param principalId string

@description('Account holding the Functions host state, the Durable task hub and the deployment package.')
param runtimeStorageAccountName string

@description('Account holding the generated lead sheets.')
param artifactStorageAccountName string

param applicationInsightsName string

// Built-in role definition IDs; these GUIDs are the same in every Azure tenant.
var roles = {
  // The Functions host takes blob leases and writes keys and the deployment package: it needs Owner, not Contributor.
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  // Generated artifacts: read and write blobs, and sign user-delegation SAS download links.
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  // The Durable Functions Azure Storage backend keeps its work items in queues...
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  // ...and its orchestration history and instance table in tables.
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  // Application Insights with local auth disabled accepts telemetry only from this role.
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

resource runtimeStorage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: runtimeStorageAccountName
}

resource artifactStorage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: artifactStorageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource runtimeBlobOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: runtimeStorage
  name: guid(runtimeStorage.id, principalId, roles.storageBlobDataOwner)
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataOwner)
  }
}

resource runtimeQueueContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: runtimeStorage
  name: guid(runtimeStorage.id, principalId, roles.storageQueueDataContributor)
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageQueueDataContributor)
  }
}

resource runtimeTableContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: runtimeStorage
  name: guid(runtimeStorage.id, principalId, roles.storageTableDataContributor)
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageTableDataContributor)
  }
}

resource artifactBlobContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: artifactStorage
  name: guid(artifactStorage.id, principalId, roles.storageBlobDataContributor)
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataContributor)
  }
}

resource telemetryPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: applicationInsights
  name: guid(applicationInsights.id, principalId, roles.monitoringMetricsPublisher)
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
  }
}
