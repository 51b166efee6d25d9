namespace Steward.Agent.Tests.Infrastructure;

/// <summary>The tests that run the real native agent: they share one set of builds and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class NativeAgentCollection : ICollectionFixture<NativeAgentBuilds>
{
    public const string Name = "native agent";
}
