using System.Text.Json;
using GanKit.Data;
using GanKit.Metrics;
using GanKit.Samples.Dcgan.Cli;
using GanKit.Samples.Dcgan.ConsoleUi;
using GanKit.Samples.Dcgan.Imaging;
using GanKit.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Samples.Dcgan.Runs;

/// <summary>What <c>train --data-folder</c> adds to a training run.</summary>
/// <param name="DataFolder">The folder of images.</param>
/// <param name="ImageSize">32 or 64 pixels.</param>
/// <param name="Channels">1 or 3.</param>
/// <param name="MemoryLimitBytes">Above this decoded size the folder is streamed from disk instead of held in memory.</param>
internal sealed record FolderSettings(string DataFolder, int ImageSize, int Channels, long MemoryLimitBytes);

/// <summary>One training run on a folder of the user's own images with the <see cref="ColourDcgan"/> preset.</summary>
internal static class FolderTrainRun
{
    /// <summary>The evaluation file inside the run folder.</summary>
    public const string EvaluationFileName = "folder-evaluation.json";

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    /// <summary>Trains, plots the losses and evaluates in the fallback random-feature space.</summary>
    /// <returns>The evaluation, or null when the folder has too few images to evaluate.</returns>
    /// <exception cref="OperationCanceledException">Ctrl+C; a checkpoint of the last step was written.</exception>
    public static ImageSetEvaluation? Execute(TrainSettings settings, FolderSettings folder, Device device, IRunProgress progress, CancellationToken cancellationToken)
    {
        var t = settings.Training;
        using var dataset = ImageFolderDataset.Open(folder.DataFolder, new ImageFolderOptions
        {
            ImageSize = folder.ImageSize,
            Channels = folder.Channels,
            UnreadableFiles = UnreadableImagePolicy.Skip,
        });
        if (dataset.SkippedFiles.Count > 0)
        {
            progress.Note($"Skipped {dataset.SkippedFiles.Count} unreadable files, the first '{dataset.SkippedFiles[0]}'.");
        }

        using var source = dataset.CreateBatchSource(new BatchSourceOptions { MemoryLimitBytes = folder.MemoryLimitBytes });
        progress.Note($"{dataset.Count} images from {dataset.Folder}, {(source is StreamingBatchSource ? "streamed from disk" : "held in memory")}.");

        // Seed before building: the initial weights come from the global stream too.
        torch.manual_seed(settings.Seed);
        using var generator = ColourDcgan.Generator(folder.ImageSize, folder.Channels);
        using var discriminator = ColourDcgan.Discriminator(folder.ImageSize, folder.Channels);
        var options = new AdversarialTrainerOptions
        {
            Epochs = t.Epochs,
            BatchSize = t.BatchSize,
            MaxBatchesPerEpoch = t.MaxBatches ?? 0,
            Seed = settings.Seed,
            OutputDirectory = settings.Output,
            GeneratorLearningRate = t.LearningRate,
            DiscriminatorLearningRate = t.LearningRate,
            Device = device,
            Resume = settings.Resume,
        };

        using var trainer = new AdversarialTrainer(generator, discriminator, options);
        var log = LossLog.Open(settings.Output, keepExisting: settings.Resume);
        long batchesPerEpoch = ShuffledBatches.BatchesPerEpoch(dataset.Count, t.BatchSize, options.DropLastBatch);
        if (t.MaxBatches is int max)
        {
            batchesPerEpoch = Math.Min(batchesPerEpoch, max);
        }

        var adapter = new RunProgressAdapter(progress, log, t.Epochs, t.Epochs * batchesPerEpoch);
        adapter.Attach(trainer);
        try
        {
            trainer.Fit(source, adapter, cancellationToken);
        }
        finally
        {
            log.Save();
        }

        if (log.Points.Count > 1)
        {
            LossCurvePlot.Save(log.Points, "step", $"DCGAN on {Path.GetFileName(dataset.Folder)}, seed {settings.Seed}", Path.Combine(settings.Output, TrainRun.LossCurveFileName));
        }

        return Evaluate(dataset, trainer, t.EvalSamples, settings, progress);
    }

    private static ImageSetEvaluation? Evaluate(ImageFolderDataset dataset, AdversarialTrainer trainer, int samples, TrainSettings settings, IRunProgress progress)
    {
        int n = (int)Math.Min(samples, dataset.Count);
        if (n <= DensityCoverage.DefaultK)
        {
            progress.Note($"Not evaluating: {n} images are too few (more than {DensityCoverage.DefaultK} are needed).");
            return null;
        }

        progress.Note($"Evaluating {n} generated images against {n} of the folder's in random convolutional features (not comparable with published FIDs)...");
        using var scope = torch.NewDisposeScope();

        // Evenly spaced real images, so a folder sorted by class contributes every class.
        var real = torch.stack(Enumerable.Range(0, n).Select(i => dataset.Decode(i * dataset.Count / n)).ToArray());
        torch.manual_seed(settings.Seed + 1);
        var generated = trainer.Generate(n);
        using var extractor = new RandomConvFeatureExtractor(dataset.ImageShape);
        var evaluation = ImageSetEvaluator.Evaluate(extractor, real, generated);
        File.WriteAllText(Path.Combine(settings.Output, EvaluationFileName), JsonSerializer.Serialize(evaluation, JsonOptions));
        return evaluation;
    }
}
