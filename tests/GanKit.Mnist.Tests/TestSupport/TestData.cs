namespace GanKit.Mnist.Tests.TestSupport;

/// <summary>
/// The trait that marks tests needing the real MNIST files (fetched by the loader on first use), so
/// they can be selected or left out: <c>dotnet test --filter Data=RealMnist</c> or <c>Data!=RealMnist</c>.
/// </summary>
internal static class TestData
{
    /// <summary>The trait's name.</summary>
    public const string Trait = "Data";

    /// <summary>The trait's value on tests that read the real MNIST splits.</summary>
    public const string RealMnist = "RealMnist";
}
