using System.Globalization;
using GanKit.Checkpoints;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Training;

public sealed partial class AdversarialTrainer
{
    // The checkpoint this run restored or last wrote; null before its first.
    private string? _newestCheckpoint;

    // Options a checkpoint fixes. The optimisers' state restores its own learning rates and
    // moments, the loop state its batch position and the shuffles derive from the seed, so a new
    // value here would be recorded but not (or only half) applied. The others (Epochs, Device,
    // OutputDirectory, SampleCount, LogEvery, KeepCheckpoints, EmaDecay) take effect on resume.
    private static readonly string[] FixedOnResume =
    [
        nameof(AdversarialTrainerOptions.Seed),
        nameof(AdversarialTrainerOptions.BatchSize),
        nameof(AdversarialTrainerOptions.MaxBatchesPerEpoch),
        nameof(AdversarialTrainerOptions.DropLastBatch),
        nameof(AdversarialTrainerOptions.Loss),
        nameof(AdversarialTrainerOptions.Penalty),
        nameof(AdversarialTrainerOptions.UpdateScheme),
        nameof(AdversarialTrainerOptions.DiscriminatorSteps),
        nameof(AdversarialTrainerOptions.GeneratorLearningRate),
        nameof(AdversarialTrainerOptions.DiscriminatorLearningRate),
        nameof(AdversarialTrainerOptions.GeneratorBeta1),
        nameof(AdversarialTrainerOptions.GeneratorBeta2),
        nameof(AdversarialTrainerOptions.DiscriminatorBeta1),
        nameof(AdversarialTrainerOptions.DiscriminatorBeta2),
        nameof(AdversarialTrainerOptions.AdamEpsilon),
        nameof(AdversarialTrainerOptions.FakeLabels),
        nameof(AdversarialTrainerOptions.AuxiliaryLoss),
    ];

    /// <summary>Refuses, before anything is loaded, a resume whose options differ from the checkpoint's where they cannot change.</summary>
    private void CheckResumable(CheckpointInfo checkpoint, TrainerState state)
    {
        var stored = ReadJson<SortedDictionary<string, string>>(checkpoint.PathOf(OptionsFile));
        var current = DescribeOptions();
        var differences = FixedOnResume
            .Where(name => stored.TryGetValue(name, out string? value) && value != current[name])
            .Select(name => new ResumeOptionDifference(name, stored[name], current[name]))
            .ToList();
        if (_options.Epochs < state.CompletedEpochs)
        {
            differences.Add(new ResumeOptionDifference(
                nameof(AdversarialTrainerOptions.Epochs),
                string.Create(CultureInfo.InvariantCulture, $"{state.CompletedEpochs} (already completed)"),
                _options.Epochs.ToString(CultureInfo.InvariantCulture)));
        }

        if (differences.Count > 0)
        {
            throw new ResumeMismatchException(checkpoint.Directory, differences);
        }
    }

    private static T ReadJson<T>(string path)
    {
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<T>(File.ReadAllText(path), StateJson)
                ?? throw new CheckpointLoadException(path, "it holds no value");
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new CheckpointLoadException(path, ex.Message, ex);
        }
    }

    // TorchSharp checks names, shapes and dtypes itself and throws a managed exception that names
    // no file; this names the file.
    private static void LoadFile(string path, Action<string> load)
    {
        try
        {
            load(path);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or EndOfStreamException or IOException or System.Runtime.InteropServices.ExternalException)
        {
            throw new CheckpointLoadException(path, ex.Message, ex);
        }
    }

    // libtorch aborts the whole process (SIGABRT) on a random state of the wrong type or size, so
    // the tensor is checked here, in managed code, before it gets near the native call.
    private static void LoadRandomState(string path)
    {
        Tensor rng;
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = new BinaryReader(stream);
            rng = TensorExtensionMethods.Load(reader);
        }
        catch (Exception ex) when (ex is ArgumentException or EndOfStreamException or IOException or OverflowException or OutOfMemoryException)
        {
            throw new CheckpointLoadException(path, $"not a tensor file ({ex.Message})", ex);
        }

        using (rng)
        using (var expected = torch.random.get_rng_state())
        {
            if (rng.dtype != expected.dtype || !rng.shape.SequenceEqual(expected.shape))
            {
                throw new CheckpointLoadException(path, $"a random-number state is a {expected.dtype} tensor of shape [{string.Join(", ", expected.shape)}]; this holds {rng.dtype} [{string.Join(", ", rng.shape)}]");
            }

            torch.random.set_rng_state(rng);
        }
    }
}
