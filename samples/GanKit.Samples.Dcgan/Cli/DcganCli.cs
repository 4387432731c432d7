using System.CommandLine;
using GanKit.Samples.Dcgan.Sweeps;

namespace GanKit.Samples.Dcgan.Cli;

/// <summary>The command line of the sample: <c>train</c>, <c>compare</c>, <c>evaluate</c>, <c>generate</c>.</summary>
internal static class DcganCli
{
    /// <summary>Builds the command tree. Actions validate paths, then hand over to <paramref name="runner"/>.</summary>
    /// <param name="runner">The training commands' implementation.</param>
    /// <param name="sweeps">The sweep commands' implementation; null leaves the <c>sweep</c> command out.</param>
    public static RootCommand Build(ISampleRunner runner, ISweepHost? sweeps = null)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var root = new RootCommand("Reproduces the DCGAN-on-MNIST report with GanKit: trains the Keras tutorial's architecture and a modified one, evaluates them and compares them over seeds; with --conditional, their class-conditional versions, which draw the digit they are asked for.");
        root.Add(TrainCommand(runner));
        root.Add(CompareCommand(runner));
        root.Add(EvaluateCommand(runner));
        root.Add(GenerateCommand(runner));
        if (sweeps is not null)
        {
            root.Add(SweepCommand.Build(sweeps));
        }

        return root;
    }

    /// <summary>
    /// Parses and runs <paramref name="args"/>. Any bad argument gives one line on
    /// <paramref name="error"/> and <see cref="ExitCodes.Usage"/>, never a stack trace.
    /// </summary>
    public static int Run(string[] args, ISampleRunner runner, TextWriter output, TextWriter error, ISweepHost? sweeps = null)
    {
        var root = Build(runner, sweeps);
        if (args.Length == 0)
        {
            error.WriteLine($"error: give a command: {string.Join(", ", root.Subcommands.Select(c => c.Name))} (--help lists their options).");
            return ExitCodes.Usage;
        }

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // System.CommandLine would print every error and the whole help text; a script or a
            // newcomer is better served by the first problem on one line.
            // An unknown word also leaves a required command missing; the unknown word is the news.
            var first = parsed.Errors.FirstOrDefault(e => parsed.UnmatchedTokens.Any(t => e.Message.Contains($"'{t}'", StringComparison.Ordinal)))
                ?? parsed.Errors[0];
            error.WriteLine($"error: {OneLine(first.Message)}");
            return ExitCodes.Usage;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration
            {
                Output = output,
                Error = error,
                EnableDefaultExceptionHandler = false,
                // Ctrl+C is handled by the training commands so the trainer can checkpoint first.
                ProcessTerminationTimeout = null,
            });
        }
        catch (UsageException ex)
        {
            error.WriteLine($"error: {OneLine(ex.Message)}");
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException)
        {
            error.WriteLine("stopped: cancelled before a checkpoint could be written.");
            return ExitCodes.Stopped;
        }
        catch (Exception ex) when (Environment.GetEnvironmentVariable("GANKIT_TRACE") is not "1")
        {
            error.WriteLine($"error: {OneLine(ex.Message)} ({ex.GetType().Name}; set GANKIT_TRACE=1 for the stack trace)");
            return ExitCodes.Failure;
        }
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();

    private static Command TrainCommand(ISampleRunner runner)
    {
        var arch = SampleOptions.OneOf("--arch", SampleOptions.Architectures, "original", "Architecture to train.");
        var conditional = SampleOptions.Conditional("Train the class-conditional version of --arch: it is told which digit to draw, so generate --digit can ask for one.");
        var seed = SampleOptions.Seed();
        var output = new Option<string?>("--out") { Description = "Run folder (default: runs/<arch>-seed<seed>, or runs/conditional-<arch>-seed<seed>)." };
        var resume = new Option<bool>("--resume") { Description = "Continue from the run folder's last checkpoint." };
        var training = new TrainingOptions();
        var images = new FolderOptions();

        var command = new Command("train", "Train one architecture with one seed; writes samples, GIF, metrics, checkpoints, a loss curve and summary.json. With --data-folder, trains the colour preset on your own images instead of MNIST.");
        command.Add(arch);
        command.Add(conditional);
        command.Add(seed);
        command.Add(output);
        command.Add(resume);
        training.AddTo(command);
        images.AddTo(command);
        command.SetAction(result =>
        {
            var folderSettings = images.Read(result);
            bool isConditional = result.GetValue(conditional);
            if (isConditional && folderSettings is not null)
            {
                throw new UsageException("--conditional trains MNIST's conditional presets, which know the digits 0 to 9; it cannot be combined with --data-folder.");
            }

            string archName = folderSettings is null ? result.GetValue(arch)! : FolderOptions.ArchName(folderSettings);
            int seedValue = result.GetValue(seed);
            string folder = result.GetValue(output) ?? Path.Combine("runs", $"{Runs.Architectures.RunName(archName, isConditional)}-seed{seedValue}");
            var settings = new TrainSettings(archName, seedValue, Paths.EnsureWritableFolder(folder, "--out"), result.GetValue(resume), training.Read(result), folderSettings, isConditional);
            return runner.Train(settings, CancelOnCtrlC.Token);
        });
        return command;
    }

    private static Command CompareCommand(ISampleRunner runner)
    {
        var seeds = SampleOptions.Seeds();
        var conditional = SampleOptions.Conditional("Compare the class-conditional versions of both architectures; the report adds each digit's class accuracy and FID on the images asked for it.");
        var output = new Option<string?>("--out") { Description = "Folder for every run and report.md (default: runs/compare, or runs/compare-conditional)." };
        var parallel = SampleOptions.Positive("--parallel", 1, "Runs trained at once, each in its own process with its own random stream (worth it on a GPU, which one DCGAN leaves mostly idle; on the CPU keep 1).");
        var training = new TrainingOptions();

        var command = new Command("compare", "Train both architectures for every seed and write report.md with the side-by-side figure, metrics and verdict.");
        command.Add(seeds);
        command.Add(conditional);
        command.Add(output);
        command.Add(parallel);
        training.AddTo(command);
        command.SetAction(result =>
        {
            bool isConditional = result.GetValue(conditional);
            string folder = result.GetValue(output) ?? Path.Combine("runs", isConditional ? "compare-conditional" : "compare");
            var settings = new CompareCommandSettings(result.GetValue(seeds)!, Paths.EnsureWritableFolder(folder, "--out"), training.Read(result), result.GetValue(parallel), isConditional);
            return runner.Compare(settings, CancelOnCtrlC.Token);
        });
        return command;
    }

    private static Command EvaluateCommand(ISampleRunner runner)
    {
        var checkpoint = new Option<string>("--checkpoint") { Description = "Run folder (or its checkpoints folder) written by train.", Required = true };
        var device = SampleOptions.Device();
        var data = SampleOptions.DataDirectory();
        var samples = SampleOptions.EvalSamples();
        var seed = SampleOptions.Seed("Seed of the noise of the evaluated images.");

        var command = new Command("evaluate", "Evaluate a trained generator against the MNIST test set (FID, KID, classifier score, precision, recall, per digit); a conditional run is also judged digit by digit on the images asked for each digit.");
        command.Add(checkpoint);
        command.Add(device);
        command.Add(data);
        command.Add(samples);
        command.Add(seed);
        command.SetAction(result =>
        {
            var settings = new EvaluateSettings(
                Paths.ExistingFolder(result.GetValue(checkpoint)!, "--checkpoint"),
                result.GetValue(device)!,
                result.GetValue(data),
                result.GetValue(samples),
                result.GetValue(seed));
            return runner.Evaluate(settings, CancelOnCtrlC.Token);
        });
        return command;
    }

    private static Command GenerateCommand(ISampleRunner runner)
    {
        var checkpoint = new Option<string>("--checkpoint") { Description = "Run folder (or its checkpoints folder) written by train.", Required = true };
        var count = SampleOptions.GridCount();
        var digits = SampleOptions.Digits();
        var output = new Option<string>("--out") { Description = "PNG file to write.", DefaultValueFactory = _ => "grid.png" };
        var device = SampleOptions.Device();
        var seed = SampleOptions.Seed("Seed of the noise.");

        var command = new Command("generate", "Write a grid of digits drawn by a trained generator; a conditional run's grid has one row per digit (--digit picks them).");
        command.Add(checkpoint);
        command.Add(count);
        command.Add(digits);
        command.Add(output);
        command.Add(device);
        command.Add(seed);
        command.SetAction(result =>
        {
            var settings = new GenerateSettings(
                Paths.ExistingFolder(result.GetValue(checkpoint)!, "--checkpoint"),
                result.GetValue(count),
                Paths.EnsureWritableFile(result.GetValue(output)!, "--out"),
                result.GetValue(device)!,
                result.GetValue(seed),
                result.GetValue(digits));
            return runner.Generate(settings, CancelOnCtrlC.Token);
        });
        return command;
    }

    /// <summary>The options of every training command, read into one <see cref="TrainingSettings"/>.</summary>
    private sealed class TrainingOptions
    {
        private readonly Option<int> _epochs = SampleOptions.Positive("--epochs", SampleOptions.DefaultEpochs, "Training epochs.");
        private readonly Option<int> _batchSize = SampleOptions.Positive("--batch-size", SampleOptions.DefaultBatchSize, "Images per step.");
        private readonly Option<double> _learningRate = SampleOptions.LearningRate();
        private readonly Option<int?> _maxBatches = SampleOptions.OptionalPositive("--max-batches", "Stop each epoch after this many batches (quick runs).");
        private readonly Option<string> _device = SampleOptions.Device();
        private readonly Option<string?> _data = SampleOptions.DataDirectory();
        private readonly Option<int> _evalSamples = SampleOptions.EvalSamples();

        public void AddTo(Command command)
        {
            command.Add(_epochs);
            command.Add(_batchSize);
            command.Add(_learningRate);
            command.Add(_maxBatches);
            command.Add(_device);
            command.Add(_data);
            command.Add(_evalSamples);
        }

        public TrainingSettings Read(ParseResult result) => new(
            result.GetValue(_epochs),
            result.GetValue(_batchSize),
            result.GetValue(_learningRate),
            result.GetValue(_maxBatches),
            result.GetValue(_device)!,
            result.GetValue(_data),
            result.GetValue(_evalSamples));
    }
}
