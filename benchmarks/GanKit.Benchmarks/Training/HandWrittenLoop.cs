using System.Diagnostics;
using GanKit.Benchmarks.Harness;
using GanKit.Networks;
using GanKit.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace GanKit.Benchmarks.Training;

/// <summary>
/// The baseline: the loop a TorchSharp user writes by hand for the same networks, batch, loss and
/// optimiser settings as the trainer's defaults (non-saturating BCE on logits, Adam 1e-4,
/// betas 0.9/0.999, epsilon 1e-7), with the whole data set on the device, a shuffled
/// <c>index_select</c> per batch and one dispose scope per step. Nothing else: no progress,
/// no divergence check, no checkpoints. It trains GanKit's modules or TorchSharp's stock ones
/// (<see cref="LoopNetworks"/>).
/// </summary>
public sealed class HandWrittenLoop : ITrainingLoop
{
    private readonly LoopNetworks _networks;
    private readonly nn.Module<Tensor, Tensor> _generator;
    private readonly nn.Module<Tensor, Tensor> _discriminator;
    private readonly Tensor _images;
    private readonly int _batchSize;
    private readonly UpdateScheme _scheme;
    private readonly Tensor[] _generatorParameters;
    private readonly Tensor[] _discriminatorParameters;
    private readonly Adam _generatorOptimizer;
    private readonly Adam _discriminatorOptimizer;
    private long _round;

    /// <summary>Takes over <paramref name="networks"/> and builds their optimisers.</summary>
    /// <param name="networks">The networks; disposed with the loop.</param>
    /// <param name="images">All training images, <c>[N, 1, 28, 28]</c>, on the CPU.</param>
    /// <param name="batchSize">Images per step.</param>
    /// <param name="scheme">Simultaneous (Keras tutorial) or alternating (PyTorch DCGAN) updates.</param>
    public HandWrittenLoop(LoopNetworks networks, Tensor images, int batchSize, UpdateScheme scheme)
    {
        ArgumentNullException.ThrowIfNull(networks);
        _networks = networks;
        _generator = networks.Generator;
        _discriminator = networks.Discriminator;
        _images = images;
        _batchSize = batchSize;
        _scheme = scheme;
        _generatorParameters = _generator.parameters().Select(p => (Tensor)p).ToArray();
        _discriminatorParameters = _discriminator.parameters().Select(p => (Tensor)p).ToArray();
        _generatorOptimizer = optim.Adam(_generator.parameters(), 1e-4, 0.9, 0.999, 1e-7);
        _discriminatorOptimizer = optim.Adam(_discriminator.parameters(), 1e-4, 0.9, 0.999, 1e-7);
    }

    /// <summary>Gets the last step's discriminator loss, read once per round.</summary>
    public double LastDiscriminatorLoss { get; private set; }

    /// <inheritdoc />
    public RoundTime RunRound(int batches)
    {
        var cpu = ProcessorTime.Now();
        var clock = Stopwatch.StartNew();
        _generator.train();
        _discriminator.train();
        long count = _images.shape[0];
        using var shuffle = new torch.Generator((ulong)(1000 + _round++));
        using var order = randperm(count, generator: shuffle, dtype: ScalarType.Int64);
        Tensor? lastLoss = null;
        for (int b = 0; b < batches; b++)
        {
            long start = (long)b * _batchSize % count;
            using var scope = NewDisposeScope();
            var real = _images.index_select(0, order.narrow(0, start, Math.Min(_batchSize, count - start)));
            var loss = _scheme == UpdateScheme.Simultaneous ? SimultaneousStep(real) : AlternatingStep(real);
            lastLoss?.Dispose();
            lastLoss = loss.MoveToOuterDisposeScope();
        }

        LastDiscriminatorLoss = lastLoss!.item<float>();
        lastLoss.Dispose();
        return new RoundTime(clock.Elapsed.TotalSeconds, ProcessorTime.Now() - cpu);
    }

    /// <summary>Releases the optimisers and the networks.</summary>
    public void Dispose()
    {
        _generatorOptimizer.Dispose();
        _discriminatorOptimizer.Dispose();
        _networks.Dispose();
    }

    private Tensor Noise() => randn(_batchSize, _networks.LatentDim);

    private Tensor WithPenalty(Tensor loss) => _networks.RegularizationLoss is { } penalty ? loss + penalty() : loss;

    private Tensor SimultaneousStep(Tensor real)
    {
        // Keras tutorial: one generator pass, both losses from it, each network's gradient from
        // its own loss only, both optimisers step.
        var noise = Noise();
        var fake = _generator.call(noise);
        var realLogits = _discriminator.call(real);
        var fakeLogits = _discriminator.call(fake);
        var generatorLoss = binary_cross_entropy_with_logits(fakeLogits, ones_like(fakeLogits));
        var discriminatorLoss = WithPenalty(binary_cross_entropy_with_logits(realLogits, ones_like(realLogits))
            + binary_cross_entropy_with_logits(fakeLogits, zeros_like(fakeLogits)));
        _generatorOptimizer.zero_grad();
        _discriminatorOptimizer.zero_grad();
        generatorLoss.backward(retain_graph: true, inputs: _generatorParameters);
        discriminatorLoss.backward(inputs: _discriminatorParameters);
        _generatorOptimizer.step();
        _discriminatorOptimizer.step();
        return discriminatorLoss.detach();
    }

    private Tensor AlternatingStep(Tensor real)
    {
        // PyTorch DCGAN: discriminator on detached fakes, then the generator on fresh noise through
        // the updated discriminator.
        Tensor fake;
        using (no_grad())
        {
            fake = _generator.call(Noise());
        }

        var realLogits = _discriminator.call(real);
        var fakeLogits = _discriminator.call(fake);
        var discriminatorLoss = WithPenalty(binary_cross_entropy_with_logits(realLogits, ones_like(realLogits))
            + binary_cross_entropy_with_logits(fakeLogits, zeros_like(fakeLogits)));
        _discriminatorOptimizer.zero_grad();
        discriminatorLoss.backward(inputs: _discriminatorParameters);
        _discriminatorOptimizer.step();

        var freshLogits = _discriminator.call(_generator.call(Noise()));
        var generatorLoss = binary_cross_entropy_with_logits(freshLogits, ones_like(freshLogits));
        _generatorOptimizer.zero_grad();
        generatorLoss.backward(inputs: _generatorParameters);
        _generatorOptimizer.step();
        return discriminatorLoss.detach();
    }
}
