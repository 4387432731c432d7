using System.Globalization;
using System.Text.Json;
using GanKit.Networks;
using GanKit.Networks.Saving;
using GanKit.Checkpoints;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Training;

public sealed partial class AdversarialTrainer
{
    private const string GeneratorFile = "generator.bin";
    private const string DiscriminatorFile = "discriminator.bin";
    private const string GeneratorOptimizerFile = "generator-optimizer.bin";
    private const string DiscriminatorOptimizerFile = "discriminator-optimizer.bin";
    private const string AverageFile = "generator-ema.bin";
    private const string RandomStateFile = "rng.bin";
    private const string StateFile = "state.json";
    private const string OptionsFile = "options.json";

    private static readonly JsonSerializerOptions StateJson = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private LoopState Begin(CheckpointStore store)
    {
        if (_options.Resume)
        {
            // A checkpoint that passes its hashes may still not fit (another architecture's
            // weights): fall back to the next older one, as for a damaged one.
            CheckpointLoadException? firstFailure = null;
            foreach (var checkpoint in store.FindValid())
            {
                try
                {
                    return Restore(checkpoint);
                }
                catch (CheckpointLoadException ex)
                {
                    Log.CheckpointUnloadable(_logger, checkpoint.Directory, ex.Message);
                    firstFailure ??= ex;
                }
            }

            if (firstFailure is not null)
            {
                throw new CheckpointLoadException(firstFailure.FilePath!, $"{firstFailure.Reason} (no older checkpoint under '{store.Root}' loads either)", firstFailure);
            }

            Log.NothingToResume(_logger, store.Root);
        }
        else if (store.HasCheckpoints())
        {
            // A fresh run would number its checkpoints from epoch 1 and the older run's higher
            // epochs would outrank them: refuse rather than mix two runs in one folder.
            throw new InvalidOperationException($"'{store.Root}' already holds checkpoints of a run. To continue that run, set {nameof(AdversarialTrainerOptions.Resume)} = true (in the sample apps: --resume). To start afresh, choose another {nameof(AdversarialTrainerOptions.OutputDirectory)} or delete '{Path.GetFullPath(_options.OutputDirectory)}' first.");
        }

        // Seeded here, after the networks were built, so two runs with the same seed and the same
        // initial weights repeat exactly whatever the caller did with the random stream before.
        torch.manual_seed(_options.Seed);
        if (Device.type == DeviceType.CUDA)
        {
            torch.cuda.manual_seed_all(_options.Seed);
        }

        return new LoopState(new TrainingHistory());
    }

    private CheckpointInfo SaveCheckpoint(CheckpointStore store, LoopState loop)
    {
        var state = new TrainerState(
            loop.CompletedEpochs,
            loop.Step,
            loop.BatchInEpoch,
            loop.EpochSums,
            loop.EpochGeneratorSteps,
            loop.EpochImages,
            loop.EpochSeconds,
            _options.Seed,
            _options.BatchSize,
            _options.Loss.Name,
            _options.UpdateScheme.ToString(),
            _options.DiscriminatorSteps,
            _options.EmaDecay,
            _generatorOptimization.ScheduleSteps,
            _discriminatorOptimization.ScheduleSteps);

        var saved = store.Save(loop.CompletedEpochs, loop.Step, folder =>
        {
            _generator.save(Path.Combine(folder, GeneratorFile));
            _discriminator.save(Path.Combine(folder, DiscriminatorFile));
            _generatorOptimization.Optimizer.save_state_dict(Path.Combine(folder, GeneratorOptimizerFile));
            _discriminatorOptimization.Optimizer.save_state_dict(Path.Combine(folder, DiscriminatorOptimizerFile));
            if (_ema is not null)
            {
                using var stream = File.Create(Path.Combine(folder, AverageFile));
                using var writer = new BinaryWriter(stream);
                _ema.Save(writer);
            }

            using (var rng = torch.random.get_rng_state())
            {
                rng.Save(Path.Combine(folder, RandomStateFile));
            }

            WriteLoadableGenerator(folder);
            File.WriteAllText(Path.Combine(folder, StateFile), JsonSerializer.Serialize(state, StateJson));
            File.WriteAllText(Path.Combine(folder, OptionsFile), JsonSerializer.Serialize(DescribeOptions(), StateJson));
            loop.History.WriteJson(Path.Combine(folder, HistoryFileName));
        });
        _newestCheckpoint = saved.Directory;
        return saved;
    }

    // The generator in GeneratorNetwork.Save's self-describing form, for GeneratorNetwork.LoadFromRun:
    // the raw weights, and the averaged ones when the run keeps an average (what samples and
    // evaluation use). Skipped for a generator with a layer of the user's own that has no
    // registered description: resuming needs neither file.
    private void WriteLoadableGenerator(string folder)
    {
        if (!NetworkFile.CanDescribe(_generator))
        {
            return;
        }

        _generator.Save(Path.Combine(folder, GeneratorNetwork.CheckpointFileName));
        if (_ema is not null)
        {
            using (_ema.Apply(_generator))
            {
                _generator.Save(Path.Combine(folder, GeneratorNetwork.AveragedCheckpointFileName));
            }
        }
    }

    private LoopState Restore(CheckpointInfo checkpoint)
    {
        var state = ReadJson<TrainerState>(checkpoint.PathOf(StateFile));
        CheckResumable(checkpoint, state);

        LoadFile(checkpoint.PathOf(GeneratorFile), path => _generator.load(path));
        LoadFile(checkpoint.PathOf(DiscriminatorFile), path => _discriminator.load(path));
        // A schedule keeps no state of its own: stepping the fresh one as often as the run did gives
        // its learning rate bit for bit, and the optimiser's saved state (which holds that rate) loads after.
        _generatorOptimization.ReplaySchedule(state.GeneratorScheduleSteps);
        _discriminatorOptimization.ReplaySchedule(state.DiscriminatorScheduleSteps);
        LoadFile(checkpoint.PathOf(GeneratorOptimizerFile), _generatorOptimization.Optimizer.load_state_dict);
        LoadFile(checkpoint.PathOf(DiscriminatorOptimizerFile), _discriminatorOptimization.Optimizer.load_state_dict);
        if (_ema is not null)
        {
            if (checkpoint.Manifest.Files.ContainsKey(AverageFile) && state.EmaDecay == _options.EmaDecay)
            {
                LoadFile(checkpoint.PathOf(AverageFile), path =>
                {
                    using var stream = File.OpenRead(path);
                    using var reader = new BinaryReader(stream);
                    _ema.Load(reader);
                });
            }
            else
            {
                // No average to continue: start it from the restored weights.
                WarnIfChanged("EmaDecay", state.EmaDecay.ToString(CultureInfo.InvariantCulture), _options.EmaDecay.ToString(CultureInfo.InvariantCulture));
                _ema.Reset(_generator);
            }
        }

        LoadRandomState(checkpoint.PathOf(RandomStateFile));

        if (Device.type == DeviceType.CUDA)
        {
            // libtorch's CUDA generator state is not reachable from .NET; reseeding from the step
            // keeps a resumed GPU run deterministic, though not identical to an uninterrupted one.
            torch.cuda.manual_seed_all(unchecked(_options.Seed + state.Step) & long.MaxValue);
        }

        TrainingHistory history = null!;
        LoadFile(checkpoint.PathOf(HistoryFileName), path => history = TrainingHistory.ReadJson(path));
        _newestCheckpoint = checkpoint.Directory;
        Log.Resumed(_logger, checkpoint.Directory, state.CompletedEpochs, state.Step);
        return new LoopState(history)
        {
            CompletedEpochs = state.CompletedEpochs,
            Step = state.Step,
            BatchInEpoch = state.BatchInEpoch,
            EpochSums = state.EpochSums is { Length: 4 } sums ? sums : new double[4],
            EpochGeneratorSteps = state.EpochGeneratorSteps,
            EpochImages = state.EpochImages,
            EpochSeconds = state.EpochSeconds,
        };
    }

    // A record of the settings that produced the checkpoint, for people reading it later; the
    // loss and penalty are named, not serialised.
    private SortedDictionary<string, string> DescribeOptions()
    {
        var o = _options;
        return new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [nameof(o.Epochs)] = o.Epochs.ToString(CultureInfo.InvariantCulture),
            [nameof(o.BatchSize)] = o.BatchSize.ToString(CultureInfo.InvariantCulture),
            [nameof(o.MaxBatchesPerEpoch)] = o.MaxBatchesPerEpoch.ToString(CultureInfo.InvariantCulture),
            [nameof(o.Seed)] = o.Seed.ToString(CultureInfo.InvariantCulture),
            [nameof(o.OutputDirectory)] = o.OutputDirectory,
            [nameof(o.Loss)] = o.Loss.Name,
            [nameof(o.Penalty)] = o.Penalty?.Name ?? "none",
            [nameof(o.UpdateScheme)] = o.UpdateScheme.ToString(),
            [nameof(o.DiscriminatorSteps)] = o.DiscriminatorSteps.ToString(CultureInfo.InvariantCulture),
            [nameof(o.Device)] = Device.ToString(),
            [nameof(o.GeneratorLearningRate)] = o.GeneratorLearningRate.ToString("R", CultureInfo.InvariantCulture),
            [nameof(o.DiscriminatorLearningRate)] = o.DiscriminatorLearningRate.ToString("R", CultureInfo.InvariantCulture),
            [nameof(o.GeneratorBeta1)] = o.GeneratorBeta1.ToString("R", CultureInfo.InvariantCulture),
            [nameof(o.GeneratorBeta2)] = o.GeneratorBeta2.ToString("R", CultureInfo.InvariantCulture),
            [nameof(o.DiscriminatorBeta1)] = o.DiscriminatorBeta1.ToString("R", CultureInfo.InvariantCulture),
            [nameof(o.DiscriminatorBeta2)] = o.DiscriminatorBeta2.ToString("R", CultureInfo.InvariantCulture),
            [nameof(o.AdamEpsilon)] = o.AdamEpsilon.ToString("R", CultureInfo.InvariantCulture),
            [nameof(o.SampleCount)] = o.SampleCount.ToString(CultureInfo.InvariantCulture),
            [nameof(o.LogEvery)] = o.LogEvery.ToString(CultureInfo.InvariantCulture),
            [nameof(o.KeepCheckpoints)] = o.KeepCheckpoints.ToString(CultureInfo.InvariantCulture),
            [nameof(o.EmaDecay)] = o.EmaDecay.ToString("R", CultureInfo.InvariantCulture),
            [nameof(o.DropLastBatch)] = o.DropLastBatch ? "true" : "false",
            [nameof(o.GeneratorOptimizer)] = _generatorOptimization.Optimizer.GetType().Name,
            [nameof(o.DiscriminatorOptimizer)] = _discriminatorOptimization.Optimizer.GetType().Name,
            [nameof(o.GeneratorSchedule)] = o.GeneratorSchedule is null ? "none" : o.GeneratorSchedule.Interval.ToString(),
            [nameof(o.DiscriminatorSchedule)] = o.DiscriminatorSchedule is null ? "none" : o.DiscriminatorSchedule.Interval.ToString(),
            [nameof(o.TrainingStep)] = _step.Name,
            [nameof(o.FakeLabels)] = ClassCount is null ? "none" : o.FakeLabels.ToString(),
            [nameof(o.SamplesPerClass)] = o.SamplesPerClass.ToString(CultureInfo.InvariantCulture),
            [nameof(o.AuxiliaryLoss)] = _stepContext.AuxiliaryLoss?.ToString() ?? "none",
        };
    }

    private void WarnIfChanged(string setting, string stored, string current)
    {
        if (stored != current)
        {
            Log.ResumeSettingChanged(_logger, setting, stored, current);
        }
    }

    /// <summary>Where the loop stands; what a checkpoint saves besides the tensors.</summary>
    private sealed class LoopState
    {
        public LoopState(TrainingHistory history) => History = history;

        public TrainingHistory History { get; }

        public int CompletedEpochs { get; set; }

        public long Step { get; set; }

        public long BatchInEpoch { get; set; }

        public double[] EpochSums { get; set; } = new double[4];

        public long EpochGeneratorSteps { get; set; }

        public long EpochImages { get; set; }

        public double EpochSeconds { get; set; }

        public void ResetEpoch()
        {
            BatchInEpoch = 0;
            EpochSums = new double[4];
            EpochGeneratorSteps = 0;
            EpochImages = 0;
            EpochSeconds = 0;
        }
    }
}
