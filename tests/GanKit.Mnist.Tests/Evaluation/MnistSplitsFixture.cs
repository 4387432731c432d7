using GanKit.Mnist.Evaluation;

namespace GanKit.Mnist.Tests.Evaluation;

/// <summary>
/// Loads both MNIST splits and builds one evaluator (which extracts the 10,000 test features) for
/// every test in the collection, so the expensive part runs once.
/// </summary>
public sealed class MnistSplitsFixture : IDisposable
{
    public MnistSplitsFixture()
    {
        Test = MnistDataset.Load(MnistSplit.Test);
        Train = MnistDataset.Load(MnistSplit.Train);
        Evaluator = new MnistEvaluator(Test, Options);
    }

    /// <summary>
    /// Reference settings except for 20 KID subsets instead of 100: KID costs three 1000×1000 float64
    /// kernel matrices per subset, and 20 keep the class fast while still giving a usable std.
    /// </summary>
    public static MnistEvaluatorOptions Options => new() { KidSubsets = 20, Seed = 3 };

    public MnistDataset Test { get; }

    public MnistDataset Train { get; }

    public MnistEvaluator Evaluator { get; }

    public void Dispose()
    {
        Evaluator.Dispose();
        Train.Dispose();
        Test.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class MnistSplitsCollection : ICollectionFixture<MnistSplitsFixture>
{
    public const string Name = "MNIST splits";
}
