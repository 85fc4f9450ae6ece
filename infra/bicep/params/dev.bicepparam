// Development: short artifact retention and a low scale cap to keep an idle environment close to free.
using '../main.bicep'

param environmentName = 'dev'
// The web client's dev server, until it has a hosted dev origin.
param allowedOrigins = [
  'http://localhost:5173'
]
param artifactRetentionDays = 1
param maximumInstanceCount = 10
param instanceMemoryMB = 2048
param logRetentionInDays = 30
