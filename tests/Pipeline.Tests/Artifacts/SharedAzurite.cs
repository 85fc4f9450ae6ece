namespace SithSynth.Pipeline.Tests.Artifacts;

/// <summary>One Azurite for every blob test class.</summary>
[CollectionDefinition(Name)]
public sealed class SharedAzurite : ICollectionFixture<Azurite>
{
    public const string Name = "Azurite";
}
