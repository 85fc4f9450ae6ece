// The one identity the function app runs as. User-assigned rather than system-assigned so its role
// assignments exist before the app starts (no first-start failures while RBAC catches up) and so the
// Flex Consumption deployment container can name it.
// Written directly instead of br/public:avm/res/managed-identity/user-assigned-identity: the build
// machine cannot restore modules from the Bicep public registry.

param name string
param location string
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
