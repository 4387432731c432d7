using GanKit.Layers;
using GanKit.Networks;
using GanKit.Regularization;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Benchmarks.Training;

/// <summary>The generator and discriminator a <see cref="HandWrittenLoop"/> trains, and what the loop needs of them.</summary>
/// <param name="Description">What the networks are made of, for the tables.</param>
/// <param name="Generator">Maps <c>[N, LatentDim]</c> noise to images.</param>
/// <param name="Discriminator">Maps images to <c>[N, 1]</c> logits.</param>
/// <param name="LatentDim">The generator's noise size.</param>
/// <param name="RegularizationLoss">The discriminator's kernel penalty, or null when it has none.</param>
public sealed record LoopNetworks(string Description, nn.Module<Tensor, Tensor> Generator, nn.Module<Tensor, Tensor> Discriminator, long LatentDim, Func<Tensor>? RegularizationLoss) : IDisposable
{
    /// <summary>The preset's networks built by GanKit, as the trainer gets them.</summary>
    /// <param name="architecture">The preset.</param>
    /// <returns>The networks.</returns>
    public static LoopNetworks GanKitModules(Architecture architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        var generator = architecture.CreateGenerator();
        var discriminator = architecture.CreateDiscriminator();
        return new("GanKit modules", generator, discriminator, generator.LatentDim, discriminator.RegularizationLoss);
    }

    /// <summary>
    /// The preset's layers written with TorchSharp's stock modules (<see cref="StockLayers"/>) in an
    /// <c>nn.Sequential</c>, starting from the very weights GanKit initialised, with the L2 term
    /// written out by hand: what a user who skipped GanKit would train.
    /// </summary>
    /// <param name="architecture">The preset.</param>
    /// <returns>The networks.</returns>
    public static LoopNetworks StockModules(Architecture architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        using var generator = architecture.CreateGenerator();
        using var discriminator = architecture.CreateDiscriminator();
        var (stockGenerator, _) = Stock(generator);
        var (stockDiscriminator, penalties) = Stock(discriminator);
        Func<Tensor>? regularization = penalties.Count == 0
            ? null
            : () => penalties.Select(p => p.Weight.square().sum().mul(p.Coefficient)).Aggregate((a, b) => a.add(b));
        return new("stock modules", stockGenerator, stockDiscriminator, generator.LatentDim, regularization);
    }

    /// <summary>Releases both networks.</summary>
    public void Dispose()
    {
        Generator.Dispose();
        Discriminator.Dispose();
    }

    private static (nn.Module<Tensor, Tensor> Network, List<(Tensor Weight, double Coefficient)> Penalties) Stock(LayerStackNetwork network)
    {
        var summaries = network.Layers;
        var modules = summaries.Select(s => StockLayers.Create(network.Definitions[s.Index], s.InputShape, s.OutputShape)).ToArray();
        var sequential = nn.Sequential(modules);
        StockLayers.CopyParameters(network, sequential);
        var penalties = new List<(Tensor, double)>();
        for (int i = 0; i < modules.Length; i++)
        {
            if (network.Definitions[i] is KernelLayer { Regularizer: L2Regularizer l2 })
            {
                penalties.Add((modules[i].named_parameters().Single(p => p.name == "weight").parameter, l2.Coefficient));
            }
            else if (network.Definitions[i] is KernelLayer { Regularizer: not null } other)
            {
                throw new NotSupportedException($"The stock loop writes L2 penalties only; layer {i} has {other.Regularizer}.");
            }
        }

        return (sequential, penalties);
    }
}
