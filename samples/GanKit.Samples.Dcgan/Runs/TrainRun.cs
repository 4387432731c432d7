using System.Globalization;
using GanKit.Mnist;
using GanKit.Samples.Dcgan.Cli;
using GanKit.Samples.Dcgan.ConsoleUi;
using GanKit.Samples.Dcgan.Imaging;
using GanKit.Samples.Dcgan.Reporting;
using GanKit.Training;
using GanKit.Training.Callbacks;
using GanKit.Checkpoints;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Samples.Dcgan.Runs;

/// <summary>One training run: MNIST in, every output file of a run folder out.</summary>
internal static class TrainRun
{
    /// <summary>The loss-curve file name inside a run folder.</summary>
    public const string LossCurveFileName = "loss-curve.png";

    /// <summary>Checks a run folder before anything heavy starts.</summary>
    /// <exception cref="UsageException">Resuming a folder without checkpoints, starting fresh over an existing run, or resuming with another architecture (conditional or not).</exception>
    public static void CheckFolder(string folder, string arch, bool resume, bool conditional = false)
    {
        string checkpoints = Path.Combine(folder, AdversarialTrainer.CheckpointsFolderName);
        bool hasCheckpoint = Directory.Exists(checkpoints) && new CheckpointStore(checkpoints).FindLatestValid() is not null;
        if (resume && !hasCheckpoint)
        {
            throw new UsageException($"--resume: '{folder}' holds no checkpoint to continue from.");
        }

        if (!resume && hasCheckpoint)
        {
            throw new UsageException($"--out '{folder}' already holds a run; pass --resume to continue it, or choose another --out.");
        }

        if (resume && File.Exists(Path.Combine(folder, RunInfo.FileName)))
        {
            var stored = RunInfo.Load(folder);
            if (stored.Arch != arch || stored.Conditional != conditional)
            {
                string hint = stored.Conditional == conditional ? string.Empty : stored.Conditional ? " (add --conditional)" : " (leave out --conditional)";
                throw new UsageException($"--resume: '{folder}' holds a run of the {Architectures.DisplayName(stored.Arch, stored.Conditional)} architecture, not the {Architectures.DisplayName(arch, conditional)} one{hint}.");
            }
        }
    }

    /// <summary>Holds <paramref name="folder"/> for this process until disposed (re-entrant: the trainer holds it too).</summary>
    /// <exception cref="RunFolderInUseException">Another live process holds it; the message names the process.</exception>
    public static RunFolderLock Lock(string folder) => RunFolderLock.Acquire(folder);

    /// <summary>Resolves <c>--device</c>.</summary>
    /// <exception cref="UsageException">CUDA was asked for but is not available.</exception>
    public static Device ResolveDevice(string device)
    {
        if (device == "cuda")
        {
            return torch.cuda.is_available()
                ? torch.CUDA
                : throw new UsageException("--device cuda: CUDA is not available here (libtorch sees no GPU: a TorchSharp-cpu build, or a libtorch without CUDA; see the README's GPU section).");
        }

        return torch.CPU;
    }

    /// <summary>Trains, plots, evaluates and writes <c>summary.json</c>.</summary>
    /// <param name="configure">Sets trainer options beyond the command line's (a sweep's parameters), or null.</param>
    /// <exception cref="OperationCanceledException">Ctrl+C; a checkpoint of the last step was written.</exception>
    public static EvaluationSummary Execute(TrainSettings settings, Device device, IRunProgress progress, CancellationToken cancellationToken, Action<AdversarialTrainerOptions>? configure = null)
    {
        var t = settings.Training;
        string folder = settings.Output;
        using var folderLock = Lock(folder);
        var info = new RunInfo(settings.Arch, settings.Seed, t.Epochs, t.BatchSize, t.LearningRate, t.MaxBatches, settings.Conditional);

        using var train = Evaluation.LoadMnist(MnistSplit.Train, t.DataDirectory, progress.Note);
        if (t.BatchSize > train.Count)
        {
            throw new UsageException($"--batch-size {t.BatchSize} is larger than the {train.Count} training images in {t.DataDirectory ?? "the MNIST cache"}; use at most {train.Count}.");
        }

        train.To(device);

        // Seed before building: the initial weights come from the global stream too.
        // A conditional pair learns from MnistDataset's labels, which the trainer takes by itself.
        torch.manual_seed(settings.Seed);
        var (generator, discriminator) = Architectures.Create(settings.Arch, settings.Conditional);
        using var g = generator;
        using var d = discriminator;
        var log = LossLog.Open(folder, keepExisting: settings.Resume);
        var options = new AdversarialTrainerOptions
        {
            Epochs = t.Epochs,
            BatchSize = t.BatchSize,
            MaxBatchesPerEpoch = t.MaxBatches ?? 0,
            Seed = settings.Seed,
            OutputDirectory = folder,
            GeneratorLearningRate = t.LearningRate,
            DiscriminatorLearningRate = t.LearningRate,
            Device = device,
            Resume = settings.Resume,

            // losses.csv is written with every checkpoint, so a killed run's curve reaches its last checkpoint.
            Callbacks = [.. TrainingCallbacks.Defaults(), new LossLogOnCheckpoint(log)],
        };
        configure?.Invoke(options);

        using var trainer = new AdversarialTrainer(generator, discriminator, options, new WarningLogger<AdversarialTrainer>(progress.Note));

        // run.json is written once the checkpoint has loaded (at the first step, or at the end when
        // no step was left), so a resume that fails to load leaves the run's record as it was.
        bool recorded = false;
        void Record()
        {
            if (!recorded)
            {
                info.Save(folder);
                recorded = true;
            }
        }

        trainer.StepCompleted += (_, _) => Record();
        long batchesPerEpoch = GanKit.Data.ShuffledBatches.BatchesPerEpoch(train.Count, t.BatchSize, options.DropLastBatch);
        if (t.MaxBatches is int max)
        {
            batchesPerEpoch = Math.Min(batchesPerEpoch, max);
        }

        var adapter = new RunProgressAdapter(progress, log, t.Epochs, t.Epochs * batchesPerEpoch);
        adapter.Attach(trainer);
        TrainingHistory history;
        try
        {
            history = trainer.Fit(train, adapter, cancellationToken);
            Record();
        }
        catch (OperationCanceledException)
        {
            // Fit only stops at a step boundary, so the checkpoint had loaded: this run is real.
            Record();
            throw;
        }
        catch (ResumeMismatchException ex)
        {
            throw new UsageException(ResumeMismatchMessage(folder, ex));
        }
        finally
        {
            log.Save();
        }

        var points = log.Points.Count > 1
            ? log.Points
            : history.Rows.Select(r => new LossPoint(r.Epoch, r.DiscriminatorLoss, r.GeneratorLoss)).ToList();
        LossCurvePlot.Save(points, log.Points.Count > 1 ? "step" : "epoch", $"{Architectures.DisplayName(settings.Arch, settings.Conditional)} DCGAN, seed {settings.Seed}", Path.Combine(folder, LossCurveFileName));
        progress.Note($"Wrote samples, {AdversarialTrainer.MetricsFileName}, {AdversarialTrainer.HistoryFileName}, checkpoints and {LossCurveFileName} to {folder}.");

        int completedEpochs = history.Rows.Count == 0 ? 0 : history.Rows[^1].Epoch;
        if (settings.Conditional)
        {
            int perDigit = Evaluation.SamplesPerDigit(t.EvalSamples);
            progress.Note($"Evaluating {perDigit.ToString(CultureInfo.InvariantCulture)} generated images of each digit against the MNIST test split...");

            // The evaluator hands over CPU noise and digits inside its own dispose scope, which also frees the moved copies.
            var conditional = Evaluation.RunConditional((noise, labels) => trainer.GenerateFrom(noise.to(device), labels.to(device)), generator.LatentDim, t.EvalSamples, settings.Seed, t.DataDirectory, progress.Note);
            return Evaluation.Write(folder, conditional, info, completedEpochs);
        }

        progress.Note($"Evaluating {t.EvalSamples.ToString(CultureInfo.InvariantCulture)} generated digits against the MNIST test split...");
        var report = Evaluation.Run(trainer.Generate, t.EvalSamples, settings.Seed, t.DataDirectory, progress.Note);
        return Evaluation.Write(folder, report, info, completedEpochs);
    }

    // The trainer names its own options; a person at the console typed the sample's.
    private static string ResumeMismatchMessage(string folder, ResumeMismatchException ex)
    {
        var flags = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [nameof(AdversarialTrainerOptions.Seed)] = "--seed",
            [nameof(AdversarialTrainerOptions.BatchSize)] = "--batch-size",
            [nameof(AdversarialTrainerOptions.MaxBatchesPerEpoch)] = "--max-batches",
            [nameof(AdversarialTrainerOptions.GeneratorLearningRate)] = "--lr",
            [nameof(AdversarialTrainerOptions.DiscriminatorLearningRate)] = "--lr",
            [nameof(AdversarialTrainerOptions.Epochs)] = "--epochs",
        };
        var listed = ex.Differences
            .Select(d => flags.TryGetValue(d.Option, out string? flag)
                ? $"{flag} {(flag == "--max-batches" && d.Stored == "0" ? "(none)" : d.Stored)} in the checkpoint, {(flag == "--max-batches" && d.Requested == "0" ? "(none)" : d.Requested)} now"
                : $"{d.Option} {d.Stored} in the checkpoint, {d.Requested} now")
            .Distinct(StringComparer.Ordinal);
        return $"--resume: '{folder}' was trained with other settings, which cannot change on resume: {string.Join("; ", listed)}. Pass the original values, or train into another --out.";
    }
}
