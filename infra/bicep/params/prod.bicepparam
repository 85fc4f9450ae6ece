// Production: the web client's origin comes from the deploying environment (GitHub variable
// WEB_CLIENT_ORIGIN) so the template never hard-codes a host name; unset means no browser origin.
using '../main.bicep'

var webClientOrigin = readEnvironmentVariable('WEB_CLIENT_ORIGIN', '')

param environmentName = 'prod'
param allowedOrigins = empty(webClientOrigin) ? [] : [
  webClientOrigin
]
param artifactRetentionDays = 7
param maximumInstanceCount = 100
param instanceMemoryMB = 2048
param logRetentionInDays = 90
