using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Networks;

// Generating: drawing images for inference, conditional or not, without a trainer.
public sealed partial class GeneratorNetwork
{
    /// <summary>
    /// Draws <paramref name="count"/> images in evaluation mode without gradients (the training mode
    /// is restored afterwards), from standard normal noise; for inference on a trained or loaded generator.
    /// </summary>
    /// <param name="count">Number of images; at least 1.</param>
    /// <param name="labels">
    /// For a conditional generator, the class of each image (<paramref name="count"/> entries in
    /// <c>[0, ClassCount)</c>), or null to draw classes uniformly; for an unconditional one, null.
    /// </param>
    /// <param name="seed">Seeds a private generator for the noise and drawn labels, so the images depend on the seed alone; null draws from torch's global stream.</param>
    /// <returns>Images <c>[count, ..OutputShape]</c> on the network's device; the caller owns them.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1, or a label lies outside <c>[0, ClassCount)</c>.</exception>
    /// <exception cref="ArgumentException"><paramref name="labels"/> does not hold <paramref name="count"/> entries.</exception>
    /// <exception cref="InvalidOperationException">Labels are given to an unconditional generator.</exception>
    public Tensor Generate(int count, IReadOnlyList<int>? labels = null, long? seed = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        if (labels is not null && labels.Count != count)
        {
            throw new ArgumentException($"Generate({count}, labels) needs {count} labels, one per image; got {labels.Count}.", nameof(labels));
        }

        var device = Device;
        using var random = seed is { } value ? new TorchSharp.torch.Generator(unchecked((ulong)value)) : null;
        using var cpuNoise = torch.randn(new[] { (long)count, LatentDim }, generator: random);
        using var noise = cpuNoise.to(device);
        using var labelTensor = labels is not null ? LabelTensor(this, labels, device)
            : ClassCount is { } classes ? DrawLabels(classes, count, random, device)
            : null;
        bool wasTraining = training;
        eval();
        try
        {
            using var noGrad = torch.no_grad();
            using var scope = torch.NewDisposeScope();
            var images = labelTensor is null ? call(noise) : forward(noise, labelTensor);
            return images.detach().MoveToOuterDisposeScope();
        }
        finally
        {
            train(wasTraining);
        }
    }

    /// <summary>Checks <paramref name="labels"/> against the generator's classes on the host and makes the int64 tensor of them on <paramref name="device"/>.</summary>
    internal static Tensor LabelTensor(GeneratorNetwork generator, IReadOnlyList<int> labels, Device device)
    {
        if (generator.ClassCount is not { } classes)
        {
            throw new InvalidOperationException("The generator is unconditional and takes no labels; call Generate(count) instead.");
        }

        for (int i = 0; i < labels.Count; i++)
        {
            if (labels[i] < 0 || labels[i] >= classes)
            {
                throw new ArgumentOutOfRangeException(nameof(labels), labels[i], $"Label {i} is {labels[i]}; the generator knows classes 0 to {classes - 1}.");
            }
        }

        using var cpu = torch.tensor(labels.Select(l => (long)l).ToArray(), dtype: ScalarType.Int64);
        return cpu.to(device);
    }

    private static Tensor DrawLabels(int classes, int count, TorchSharp.torch.Generator? random, Device device)
    {
        using var cpu = torch.randint(classes, new[] { (long)count }, generator: random, dtype: ScalarType.Int64);
        return cpu.to(device);
    }
}
