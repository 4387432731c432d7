using GanKit.Networks;

namespace GanKit.Samples.Snippets;

/// <summary>README, "Saving and loading a generator".</summary>
internal static class SavingAndLoading
{
    public static void Run(GeneratorNetwork generator)
    {
        generator.Save("mnist-generator.gankit");                          // one file, any network
        using var loaded = GeneratorNetwork.Load("mnist-generator.gankit"); // no building code needed
        using var best = GeneratorNetwork.LoadFromRun("runs/mnist");       // newest valid checkpoint, averaged weights when kept
    }
}
