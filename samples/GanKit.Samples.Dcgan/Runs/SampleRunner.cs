using System.Globalization;
using GanKit.Imaging;
using GanKit.Samples.Dcgan.Cli;
using GanKit.Samples.Dcgan.ConsoleUi;
using GanKit.Samples.Dcgan.Reporting;
using GanKit.Training;
using GanKit.Checkpoints;
using TorchSharp;

namespace GanKit.Samples.Dcgan.Runs;

/// <summary>The real work behind each command, with GanKit.</summary>
internal sealed class SampleRunner(IProgressDisplay display, TextWriter output, TextWriter error) : ISampleRunner
{
    /// <inheritdoc />
    public int Train(TrainSettings settings, CancellationToken cancellationToken)
    {
        var device = TrainRun.ResolveDevice(settings.Training.Device);
        output.WriteLine($"Torch runtime: {Runtime.TorchRuntime.Describe()}");

        // Taken before anything is read, so a second trainer on the folder fails at once.
        using var folderLock = TrainRun.Lock(settings.Output);
        TrainRun.CheckFolder(settings.Output, settings.Arch, settings.Resume, settings.Conditional);
        string label = $"{Architectures.DisplayName(settings.Arch, settings.Conditional)} seed {settings.Seed}";
        try
        {
            if (settings.Folder is { } folder)
            {
                var evaluation = display.Show([label], runs => FolderTrainRun.Execute(settings, folder, device, runs[0], cancellationToken));
                if (evaluation is not null)
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{label}: FID {evaluation.Fid:F2}  KID {evaluation.Kid.Mean:F4}  precision {evaluation.PrecisionRecall.Precision:F3}  recall {evaluation.PrecisionRecall.Recall:F3}  density {evaluation.DensityCoverage.Density:F3}  coverage {evaluation.DensityCoverage.Coverage:F3}"));
                    output.WriteLine($"Features: {evaluation.ExtractorName} (SHA-256 {evaluation.ExtractorWeightsSha256}); compare these numbers only with runs in the same feature space.");
                    output.WriteLine($"Wrote {Path.Combine(settings.Output, FolderTrainRun.EvaluationFileName)}.");
                }

                return ExitCodes.Success;
            }

            var summary = display.Show([label], runs => TrainRun.Execute(settings, device, runs[0], cancellationToken));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{label}: FID {summary.Fid:F2}  KID {summary.Kid:F4}  classifier score {summary.ClassifierScore:F3}  precision {summary.Precision:F3}  recall {summary.Recall:F3}"));
            if (summary is { IntraClassFid: double intraClassFid, ClassAccuracy: double classAccuracy })
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}: intra-class FID {intraClassFid:F2}  class accuracy {classAccuracy:P1} (per digit in {Path.Combine(settings.Output, Evaluation.MarkdownFileName)})"));
            }

            output.WriteLine($"Wrote {Path.Combine(settings.Output, EvaluationSummary.FileName)}.");
            return ExitCodes.Success;
        }
        catch (OperationCanceledException)
        {
            error.WriteLine($"Stopped; a checkpoint was written. Continue with: train --arch {settings.Arch}{(settings.Conditional ? " --conditional" : string.Empty)} --seed {settings.Seed} --out {settings.Output} --resume (and the same other options).");
            return ExitCodes.Stopped;
        }
    }

    /// <inheritdoc />
    public int Compare(CompareCommandSettings settings, CancellationToken cancellationToken)
    {
        var t = settings.Training;
        var device = TrainRun.ResolveDevice(t.Device);
        output.WriteLine($"Torch runtime: {Runtime.TorchRuntime.Describe()}");
        var plan = settings.Seeds
            .SelectMany(seed => new[] { CompareAssembler.First, CompareAssembler.Second }.Select(arch => (Arch: arch, Seed: seed)))
            .Select(r => new FinishedRun(r.Arch, r.Seed, Path.Combine(settings.Output, $"{Architectures.RunName(r.Arch, settings.Conditional)}-seed{r.Seed}"), settings.Conditional))
            .ToList();

        try
        {
            var failed = display.Show(plan.Select(r => r.Label).ToList(), runs =>
            {
                var pending = new List<(FinishedRun Run, bool Resume)>();
                var progress = new List<IRunProgress>();
                for (int i = 0; i < plan.Count; i++)
                {
                    var run = plan[i];
                    Directory.CreateDirectory(run.Folder);
                    if (File.Exists(Path.Combine(run.Folder, EvaluationSummary.FileName)) && FinishedAt(run.Folder, t.Epochs))
                    {
                        // A finished run from an earlier, interrupted compare: keep it.
                        runs[i].Note($"{run.Label}: already finished in {run.Folder}; reusing it.");
                        continue;
                    }

                    bool resume = HasCheckpoint(run.Folder);
                    if (settings.Parallel == 1)
                    {
                        TrainRun.Execute(new TrainSettings(run.Arch, run.Seed, run.Folder, resume, t, Conditional: run.Conditional), device, runs[i], cancellationToken);
                    }
                    else
                    {
                        pending.Add((run, resume));
                        progress.Add(runs[i]);
                    }
                }

                return pending.Count == 0 ? [] : ParallelRuns.Run(pending, t, settings.Parallel, progress, cancellationToken);
            });
            if (failed.Count > 0)
            {
                error.WriteLine($"error: {failed.Count} of the runs failed: {string.Join("; ", failed.Select(r => $"{r.Label} (see {Path.Combine(r.Folder, ParallelRuns.LogFileName)})"))}. Run the same compare command again to continue them.");
                return ExitCodes.Failure;
            }
        }
        catch (OperationCanceledException)
        {
            error.WriteLine($"Stopped; the current run wrote a checkpoint. Run the same compare command again to continue where it stopped.");
            return ExitCodes.Stopped;
        }

        var compareSettings = new CompareSettings(t.Epochs, t.BatchSize, t.LearningRate, settings.Seeds, t.MaxBatches);
        string report = CompareAssembler.Write(settings.Output, compareSettings, plan, arch => Architectures.Summaries(arch, settings.Conditional));
        output.WriteLine($"Wrote {report} and {Path.Combine(settings.Output, CompareAssembler.FigureFileName)}.");
        return ExitCodes.Success;
    }

    /// <inheritdoc />
    public int Evaluate(EvaluateSettings settings, CancellationToken cancellationToken)
    {
        var device = TrainRun.ResolveDevice(settings.Device);
        string runFolder = RunInfo.FindRunFolder(settings.Checkpoint);

        // The result is written into the run folder: prove that possible before minutes of work,
        // and keep a trainer from writing its own summary meanwhile.
        Paths.EnsureWritableFolder(runFolder, "--checkpoint");
        using var folderLock = TrainRun.Lock(runFolder);
        var info = RunInfo.Load(runFolder);
        var checkpoint = TrainedGenerator.FindCheckpoint(settings.Checkpoint, Warnings);
        using var generator = TrainedGenerator.Load(info.Arch, checkpoint, device, info.Conditional);
        output.WriteLine($"Evaluating {info.Describe()} at epoch {checkpoint.Epoch} (step {checkpoint.Step}) from {checkpoint.Directory}...");
        if (info.Conditional)
        {
            // The evaluator's dispose scope frees the copies moved to the device.
            var conditional = Evaluation.RunConditional((noise, labels) => generator.forward(noise.to(device), labels.to(device)), generator.LatentDim, settings.EvalSamples, settings.Seed, settings.DataDirectory, error.WriteLine);
            Evaluation.Write(runFolder, conditional, info, checkpoint.Epoch);
            output.WriteLine(conditional.ToMarkdown());
            output.WriteLine($"Wrote {Path.Combine(runFolder, EvaluationSummary.FileName)}, {Evaluation.MarkdownFileName} and {Evaluation.ConditionalFileName}.");
            return ExitCodes.Success;
        }

        var report = Evaluation.Run(n => TrainedGenerator.Generate(generator, n, device), settings.EvalSamples, settings.Seed, settings.DataDirectory, error.WriteLine);
        Evaluation.Write(runFolder, report, info, checkpoint.Epoch);
        output.WriteLine(report.ToMarkdown());
        output.WriteLine($"Wrote {Path.Combine(runFolder, EvaluationSummary.FileName)}.");
        return ExitCodes.Success;
    }

    /// <inheritdoc />
    public int Generate(GenerateSettings settings, CancellationToken cancellationToken)
    {
        var device = TrainRun.ResolveDevice(settings.Device);
        string runFolder = RunInfo.FindRunFolder(settings.Checkpoint);
        var info = RunInfo.Load(runFolder);
        if (settings.Digits is not null && !info.Conditional)
        {
            throw new UsageException($"--digit: '{runFolder}' holds an unconditional run ({info.Describe()}), whose generator cannot be asked for a digit; leave out --digit, or use a run trained with train --conditional.");
        }

        int perRow = settings.Count ?? SampleOptions.DefaultImagesPerDigit;
        var digits = settings.Digits ?? Enumerable.Range(0, SampleOptions.DigitCount).ToList();
        if (info.Conditional && (long)perRow * digits.Count > SampleOptions.MaxGridCount)
        {
            throw new UsageException($"--count {perRow} for {digits.Count} digits makes {(long)perRow * digits.Count} images; a grid holds at most {SampleOptions.MaxGridCount}.");
        }

        var checkpoint = TrainedGenerator.FindCheckpoint(settings.Checkpoint, Warnings);
        using var generator = TrainedGenerator.Load(info.Arch, checkpoint, device, info.Conditional);
        torch.manual_seed(settings.Seed);
        if (info.Conditional)
        {
            if (digits.Max() >= generator.ClassCount)
            {
                throw new UsageException($"--digit {digits.Max()}: the generator of '{runFolder}' knows classes 0 to {generator.ClassCount - 1}.");
            }

            using var rows = TrainedGenerator.SampleDigits(generator, digits, perRow, device);
            ImageGrid.SavePng(rows, settings.Output, columns: perRow);
            output.WriteLine($"Wrote {digits.Count} row{(digits.Count == 1 ? "" : "s")} of {perRow} (digit{(digits.Count == 1 ? "" : "s")} {string.Join(", ", digits)}) from {info.Describe()}, epoch {checkpoint.Epoch}, to {settings.Output}.");
            return ExitCodes.Success;
        }

        int count = settings.Count ?? SampleOptions.DefaultGridCount;
        using var images = TrainedGenerator.Sample(n => TrainedGenerator.Generate(generator, n, device), count);
        ImageGrid.SavePng(images, settings.Output, columns: (int)Math.Ceiling(Math.Sqrt(count)));
        output.WriteLine($"Wrote {count} digits from {info.Describe()}, epoch {checkpoint.Epoch}, to {settings.Output}.");
        return ExitCodes.Success;
    }

    private WarningLogger<SampleRunner> Warnings => new(error.WriteLine);

    private static bool HasCheckpoint(string runFolder)
    {
        string root = Path.Combine(runFolder, AdversarialTrainer.CheckpointsFolderName);
        return Directory.Exists(root) && new Checkpoints.CheckpointStore(root).FindLatestValid() is not null;
    }

    // Only a run whose newest checkpoint is the last epoch of this comparison is finished; a
    // summary left by a run with another epoch count is not this comparison's result.
    private static bool FinishedAt(string runFolder, int epochs)
    {
        string root = Path.Combine(runFolder, AdversarialTrainer.CheckpointsFolderName);
        var latest = Directory.Exists(root) ? new Checkpoints.CheckpointStore(root).FindLatestValid() : null;
        return latest is not null && latest.Epoch == epochs && latest.Step > 0;
    }
}
