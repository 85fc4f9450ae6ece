// Parameters for `azd up`: azd reads this file (the name follows main.bicep) and exports its environment's
// values, so one template serves every developer's environment. CI uses params/dev|prod.bicepparam.
using 'main.bicep'

param environmentName = readEnvironmentVariable('AZURE_ENV_NAME', 'dev') == 'prod' ? 'prod' : 'dev'
param allowedOrigins = empty(readEnvironmentVariable('WEB_CLIENT_ORIGIN', '')) ? [] : [
  readEnvironmentVariable('WEB_CLIENT_ORIGIN', '')
]
