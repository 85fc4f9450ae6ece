// Application Insights on a Log Analytics workspace, with local (instrumentation-key) auth disabled:
// telemetry is accepted only from callers holding Monitoring Metrics Publisher, i.e. our identity.
// Written directly instead of br/public:avm/res/operational-insights/workspace and
// br/public:avm/res/insights/component: the build machine cannot restore from the Bicep public registry.

param workspaceName string
param applicationInsightsName string
param location string
param tags object

@description('Days Log Analytics keeps telemetry.')
@minValue(30)
@maxValue(730)
param retentionInDays int

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
    features: {
      disableLocalAuth: true
    }
  }
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: applicationInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    DisableLocalAuth: true
  }
}

// Consumers read the connection string from the resource itself, so no output ever carries one.
output applicationInsightsName string = applicationInsights.name
