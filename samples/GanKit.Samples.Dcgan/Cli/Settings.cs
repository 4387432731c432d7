namespace GanKit.Samples.Dcgan.Cli;

/// <summary>Settings shared by every command that trains.</summary>
/// <param name="Epochs">Epochs per run.</param>
/// <param name="BatchSize">Images per step.</param>
/// <param name="LearningRate">Adam learning rate of both networks.</param>
/// <param name="MaxBatches">Stop each epoch after this many batches (null: the whole training set).</param>
/// <param name="Device">cpu or cuda.</param>
/// <param name="DataDirectory">Where MNIST is cached (null: the loader's default).</param>
/// <param name="EvalSamples">Generated images used for the final evaluation.</param>
internal sealed record TrainingSettings(int Epochs, int BatchSize, double LearningRate, int? MaxBatches, string Device, string? DataDirectory, int EvalSamples);

/// <summary>The <c>train</c> command; <paramref name="Folder"/> is set when it trains on <c>--data-folder</c> instead of MNIST.</summary>
/// <param name="Conditional">Train the class-conditional version of <paramref name="Arch"/>, which is told the digit to draw.</param>
internal sealed record TrainSettings(string Arch, int Seed, string Output, bool Resume, TrainingSettings Training, GanKit.Samples.Dcgan.Runs.FolderSettings? Folder = null, bool Conditional = false);

/// <summary>The <c>compare</c> command.</summary>
/// <param name="Parallel">Runs trained at once, each in its own process; 1 trains them one after another in this process.</param>
/// <param name="Conditional">Compare the class-conditional versions of both architectures.</param>
internal sealed record CompareCommandSettings(IReadOnlyList<int> Seeds, string Output, TrainingSettings Training, int Parallel = 1, bool Conditional = false);

/// <summary>The <c>evaluate</c> command.</summary>
internal sealed record EvaluateSettings(string Checkpoint, string Device, string? DataDirectory, int EvalSamples, int Seed);

/// <summary>The <c>generate</c> command.</summary>
/// <param name="Count">
/// Images in the grid of an unconditional run; images per digit (one row each) of a conditional
/// run. Null when not given: <see cref="SampleOptions.DefaultGridCount"/> or <see cref="SampleOptions.DefaultImagesPerDigit"/>.
/// </param>
/// <param name="Digits">The digits a conditional generator is asked for, one grid row each; null asks for every digit.</param>
internal sealed record GenerateSettings(string Checkpoint, int? Count, string Output, string Device, int Seed, IReadOnlyList<int>? Digits = null);

/// <summary>What each command does once its arguments are valid; the real implementation trains with GanKit.</summary>
internal interface ISampleRunner
{
    /// <summary>Trains one architecture with one seed.</summary>
    int Train(TrainSettings settings, CancellationToken cancellationToken);

    /// <summary>Trains both architectures for every seed and writes the comparison report.</summary>
    int Compare(CompareCommandSettings settings, CancellationToken cancellationToken);

    /// <summary>Evaluates a trained generator.</summary>
    int Evaluate(EvaluateSettings settings, CancellationToken cancellationToken);

    /// <summary>Writes a grid of generated digits.</summary>
    int Generate(GenerateSettings settings, CancellationToken cancellationToken);
}
