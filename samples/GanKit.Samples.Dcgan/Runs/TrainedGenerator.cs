using GanKit.Networks;
using GanKit.Samples.Dcgan.Cli;
using GanKit.Checkpoints;
using Microsoft.Extensions.Logging;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Samples.Dcgan.Runs;

/// <summary>Loads the generator of a run from its newest valid checkpoint.</summary>
internal static class TrainedGenerator
{
    // The trainer's checkpoint keeps the generator's weights (Module.save format) under this name.
    private const string GeneratorFile = "generator.bin";

    /// <summary>Finds the checkpoint a <c>--checkpoint</c> argument points at.</summary>
    /// <param name="argument">A run folder, its checkpoints folder, or one checkpoint folder.</param>
    /// <param name="warnings">Told about each damaged checkpoint skipped and each stray folder ignored.</param>
    /// <exception cref="UsageException">No valid checkpoint is there.</exception>
    public static CheckpointInfo FindCheckpoint(string argument, ILogger? warnings = null)
    {
        string full = Path.GetFullPath(argument);
        if (File.Exists(Path.Combine(full, CheckpointStore.ManifestFileName)))
        {
            return CheckpointStore.TryVerify(full, out var info, out string? reason)
                ? info!
                : throw new UsageException($"--checkpoint '{argument}' is not a valid checkpoint: {reason}");
        }

        string root = Directory.Exists(Path.Combine(full, Training.AdversarialTrainer.CheckpointsFolderName))
            ? Path.Combine(full, Training.AdversarialTrainer.CheckpointsFolderName)
            : full;
        return new CheckpointStore(root, logger: warnings).FindLatestValid()
            ?? throw new UsageException($"--checkpoint '{argument}' holds no valid checkpoint; train writes them to <run>/checkpoints at each epoch's end.");
    }

    /// <summary>
    /// Loads the checkpoint's generator in evaluation mode on <paramref name="device"/>: the
    /// moving-average weights when the run kept them, as the training-time samples and evaluation
    /// used, otherwise the raw ones. Checkpoints of older releases hold only the raw weights, which
    /// are loaded into a fresh network of <paramref name="arch"/>.
    /// </summary>
    /// <param name="arch">The run's architecture, for checkpoints that hold only raw weights.</param>
    /// <param name="checkpoint">The checkpoint to load.</param>
    /// <param name="device">Where the generator runs.</param>
    /// <param name="conditional">Whether the run's <c>run.json</c> says it trained a conditional generator; the saved network must agree.</param>
    /// <exception cref="UsageException">The checkpoint has no generator weights, or its generator is conditional where the run says unconditional, or the other way round.</exception>
    public static GeneratorNetwork Load(string arch, CheckpointInfo checkpoint, Device device, bool conditional = false)
    {
        var files = checkpoint.Manifest.Files;
        string? saved = files.ContainsKey(GeneratorNetwork.AveragedCheckpointFileName) ? GeneratorNetwork.AveragedCheckpointFileName
            : files.ContainsKey(GeneratorNetwork.CheckpointFileName) ? GeneratorNetwork.CheckpointFileName
            : null;
        if (saved is not null)
        {
            // The saved network describes its own layers, label path included.
            var loaded = GeneratorNetwork.Load(checkpoint.PathOf(saved));
            if ((loaded.ClassCount is not null) != conditional)
            {
                string what = loaded.ClassCount is { } classes ? $"a conditional generator of {classes} classes" : "an unconditional generator";
                loaded.Dispose();
                throw new UsageException($"'{checkpoint.PathOf(saved)}' holds {what}, but the run's {RunInfo.FileName} says the run is {(conditional ? "conditional" : "unconditional")}.");
            }

            loaded.to(device);
            loaded.eval();
            return loaded;
        }

        if (!files.ContainsKey(GeneratorFile))
        {
            throw new UsageException($"Checkpoint '{checkpoint.Directory}' has no {GeneratorFile}.");
        }

        var (generator, discriminator) = Architectures.Create(arch, conditional);
        discriminator.Dispose();
        try
        {
            generator.load(checkpoint.PathOf(GeneratorFile));
        }
        catch (ArgumentException ex)
        {
            // TorchSharp's message names no file and no architecture.
            generator.Dispose();
            throw new UsageException($"'{checkpoint.PathOf(GeneratorFile)}' does not hold {Architectures.DisplayName(arch, conditional)} generator weights ({ex.Message}); the run's {RunInfo.FileName} may name the wrong architecture.");
        }

        generator.to(device);
        generator.eval();
        return generator;
    }

    /// <summary>Draws <paramref name="count"/> images in chunks, so 10,000 samples never hold 10,000 samples' activations at once.</summary>
    /// <returns>A CPU tensor <c>[count, 1, 28, 28]</c> in [-1, 1]; the caller owns it.</returns>
    public static Tensor Sample(Func<int, Tensor> generate, int count, int chunk = 500)
    {
        var parts = new List<Tensor>();
        try
        {
            for (int done = 0; done < count; done += chunk)
            {
                using var part = generate(Math.Min(chunk, count - done));
                parts.Add(part.cpu().detach());
            }

            return torch.cat(parts, 0);
        }
        finally
        {
            foreach (var part in parts)
            {
                part.Dispose();
            }
        }
    }

    /// <summary>Runs the generator on fresh noise without gradients.</summary>
    public static Tensor Generate(GeneratorNetwork generator, int count, Device device)
    {
        using var noGrad = torch.no_grad();
        using var noise = torch.randn(new[] { (long)count, generator.LatentDim }, device: device);
        return generator.call(noise);
    }

    /// <summary>
    /// Asks a conditional generator for <paramref name="perDigit"/> images of each of
    /// <paramref name="digits"/>, without gradients: digit by digit, each reusing the same
    /// <paramref name="perDigit"/> noise vectors, so a grid of one row per digit shows the same
    /// style down each column, as the training-time grids do.
    /// </summary>
    /// <returns>A CPU tensor <c>[digits × perDigit, 1, 28, 28]</c>, digit-major; the caller owns it.</returns>
    /// <remarks>The noise comes from torch's global stream; seed it with <c>torch.manual_seed</c> for repeatable grids.</remarks>
    public static Tensor SampleDigits(GeneratorNetwork generator, IReadOnlyList<int> digits, int perDigit, Device device, int chunk = 500)
    {
        using var noise = torch.randn(new[] { (long)perDigit, generator.LatentDim }, device: device);
        var rows = new List<Tensor>();
        try
        {
            foreach (int digit in digits)
            {
                using var labels = torch.full(new[] { (long)perDigit }, digit, dtype: ScalarType.Int64, device: device);
                long done = 0;
                rows.Add(Sample(n =>
                {
                    using var noGrad = torch.no_grad();
                    using var part = noise.narrow(0, done, n);
                    using var partLabels = labels.narrow(0, done, n);
                    done += n;
                    return generator.forward(part, partLabels);
                }, perDigit, chunk));
            }

            return torch.cat(rows, 0);
        }
        finally
        {
            foreach (var row in rows)
            {
                row.Dispose();
            }
        }
    }
}
