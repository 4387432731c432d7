namespace GanKit.Tests.TestSupport;

/// <summary>Tests that read process-wide state (the live-tensor count, torch's global random stream) run alone, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NonParallelCollection
{
    public const string Name = "Non-parallel";
}
