using GanKit.Data;
using GanKit.Networks;
using GanKit.Regularization;
using GanKit.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Tests.TestSupport;

/// <summary>Networks and data small enough that a trainer step takes milliseconds on the CPU.</summary>
internal static class TinyGan
{
    public const long LatentDim = 8;

    public static GeneratorNetwork Generator(int seed = 1)
    {
        return new GeneratorBuilder(LatentDim)
            .Dense(4 * 4 * 4, bias: false).BatchNorm().LeakyReLU()
            .Reshape(4, 4, 4)
            .ConvTranspose2d(1, 3, 2, Padding.Same, bias: false).Tanh()
            .Build(seed);
    }

    public static DiscriminatorNetwork Discriminator(int seed = 2, Regularizer? regularizer = null, bool spectralNorm = false)
    {
        return new DiscriminatorBuilder(1, 8, 8)
            .Conv2d(4, 3, 2, Padding.Same, regularizer: regularizer, spectralNorm: spectralNorm).LeakyReLU().Dropout(0.3)
            .Flatten()
            .Dense(1, spectralNorm: spectralNorm)
            .Build(seed);
    }

    public static TensorImageDataset Data(int count = 40, ulong seed = 3)
    {
        using var generator = new torch.Generator(seed);
        using var unit = torch.rand(new long[] { count, 1, 8, 8 }, generator: generator);
        return new TensorImageDataset(unit * 2 - 1);
    }

    public static AdversarialTrainerOptions Options(string outputDirectory) => new()
    {
        Epochs = 2,
        BatchSize = 8,
        MaxBatchesPerEpoch = 0,
        Seed = 7,
        LogEvery = 2,
        Device = torch.CPU,
        OutputDirectory = outputDirectory,
    };

    public static IEnumerable<(string Name, Tensor Value)> State(nn.Module module) =>
        module.named_parameters().Select(p => (p.name, (Tensor)p.parameter)).Concat(module.named_buffers());

    public static void ShouldBeIdentical(nn.Module actual, nn.Module expected)
    {
        var a = State(actual).ToList();
        var e = State(expected).ToList();
        a.Select(x => x.Name).Should().Equal(e.Select(x => x.Name));
        for (int i = 0; i < a.Count; i++)
        {
            TensorAssert.Identical(a[i].Value, e[i].Value).Should().BeTrue($"'{a[i].Name}' must be bit-identical");
        }
    }
}

/// <summary>Reports synchronously, unlike <see cref="Progress{T}"/>, which posts to a context.</summary>
internal sealed class ListProgress<T> : IProgress<T>
{
    public List<T> Reports { get; } = new();

    public void Report(T value) => Reports.Add(value);
}
