// The web client (web/, a static Vite build) as an Azure Static Web App on the Free tier.
// Why a Static Web App and not the storage "static website": it is free, serves HTTPS on its own host name from a
// global edge, takes response headers from web/public/staticwebapp.config.json, and needs no extra storage account.
// A storage static website cannot be switched on through ARM at all (it is a data-plane setting, which would need a
// deployment script with an account key, and every account here has shared keys off), and it cannot set headers.
// The site's content is uploaded by the deploy workflow with the site's deployment token, which the workflow reads
// through its Entra ID sign-in at deploy time; no token is stored anywhere.

param name string

@description('Free-tier Static Web Apps run in a few regions only; the content is served from the global edge anyway.')
param location string

param tags object

resource site 'Microsoft.Web/staticSites@2024-11-01' = {
  name: name
  location: location
  // azd deploys the web service (azure.yaml) to the resource carrying this tag.
  tags: union(tags, { 'azd-service-name': 'web' })
  sku: {
    name: 'Free'
    tier: 'Free'
  }
  properties: {
    // No pull-request preview sites: each would be one more origin the API and the artifacts would have to allow.
    stagingEnvironmentPolicy: 'Disabled'
    allowConfigFileUpdates: true
  }
}

output name string = site.name
// An origin exactly as a browser sends it in the Origin header: scheme and host, no trailing slash.
output origin string = 'https://${site.properties.defaultHostname}'
