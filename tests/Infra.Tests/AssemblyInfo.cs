// Each test starts the Bicep CLI, a large self-contained .NET program; running them one at a time keeps a
// shared CI machine responsive and costs only seconds.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
