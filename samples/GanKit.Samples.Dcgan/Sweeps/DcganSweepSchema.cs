using GanKit.Losses;
using GanKit.Regularization;
using GanKit.Samples.Dcgan.Cli;
using GanKit.Sweeps;
using GanKit.Training;

namespace GanKit.Samples.Dcgan.Sweeps;

/// <summary>
/// What a Dcgan sweep file holds: the top-level settings (<c>architectures</c>, <c>epochs</c>,
/// <c>maxBatchesPerEpoch</c>, <c>evaluationSamples</c>), the parameters it may fix or vary and
/// how each one lands on <see cref="AdversarialTrainerOptions"/>, and the metrics each run's
/// <c>summary.json</c> holds.
/// </summary>
/// <remarks>
/// Names are the options' property names in camelCase, so the trainer's documentation is the
/// sweep file's documentation. Losses and penalties are objects in the options; the file names
/// them (<c>"loss": "Hinge"</c>, <c>"penalty": "r1"</c> with <c>"penaltyWeight"</c>).
/// </remarks>
internal static class DcganSweepSchema
{
    /// <summary>The losses a sweep can name.</summary>
    public static readonly string[] Losses = ["NonSaturating", "Minimax", "Hinge", "LeastSquares", "Wasserstein"];

    /// <summary>The input-gradient penalties a sweep can name.</summary>
    public static readonly string[] Penalties = ["none", "gradient", "r1"];

    /// <summary>The parameter each run's architecture is under (the file lists them as <c>architectures</c>).</summary>
    public const string Architecture = "architecture";

    /// <summary>The parameter holding each run's number of epochs.</summary>
    public const string Epochs = "epochs";

    /// <summary>The parameter holding each run's cap on batches per epoch, when the file sets one.</summary>
    public const string MaxBatchesPerEpoch = "maxBatchesPerEpoch";

    /// <summary>The parameter holding how many generated images each run is evaluated on.</summary>
    public const string EvaluationSamples = "evaluationSamples";

    /// <summary>The metrics the evaluation writes into <c>summary.json</c>, FID first (the default ranking).</summary>
    public static IReadOnlyList<SweepMetric> Metrics { get; } =
    [
        new("fid", "FID", higherIsBetter: false),
        new("kid", "KID", higherIsBetter: false),
        new("classifier_score", "Score", higherIsBetter: true),
        new("precision", "Precision", higherIsBetter: true),
        new("recall", "Recall", higherIsBetter: true),
    ];

    /// <summary>Gets the schema.</summary>
    public static SweepSchema Schema { get; } = new(
        [
            SweepParameter.Number("generatorLearningRate", 0, exclusive: true, "Adam learning rate of the generator."),
            SweepParameter.Number("discriminatorLearningRate", 0, exclusive: true, "Adam learning rate of the discriminator."),
            SweepParameter.Integer("batchSize", 1, "Images per step.", int.MaxValue),
            SweepParameter.Choice("loss", Losses, "Adversarial loss."),
            SweepParameter.Enum<UpdateScheme>("updateScheme", "Simultaneous (Keras) or Alternating (PyTorch) steps."),
            SweepParameter.Integer("discriminatorSteps", 1, "Discriminator steps per generator step.", int.MaxValue),
            SweepParameter.Number("emaDecay", 0, description: "Generator weight averaging decay; 0 is off.", maximum: 1, maximumExclusive: true),
            SweepParameter.Choice("penalty", Penalties, "Input-gradient penalty on the discriminator."),
            SweepParameter.Number("penaltyWeight", 0, description: "Lambda of the gradient penalty or gamma of R1 (default 10)."),
            SweepParameter.Number("generatorBeta1", 0, description: "Adam beta1 of the generator.", maximum: 1, maximumExclusive: true),
            SweepParameter.Number("generatorBeta2", 0, description: "Adam beta2 of the generator.", maximum: 1, maximumExclusive: true),
            SweepParameter.Number("discriminatorBeta1", 0, description: "Adam beta1 of the discriminator.", maximum: 1, maximumExclusive: true),
            SweepParameter.Number("discriminatorBeta2", 0, description: "Adam beta2 of the discriminator.", maximum: 1, maximumExclusive: true),
            SweepParameter.Number("adamEpsilon", 0, exclusive: true, "Adam epsilon of both optimizers."),
            SweepParameter.Boolean("dropLastBatch", "Drop a final batch smaller than batchSize."),
        ],
        [
            SweepSetting.List("architectures", SweepParameter.Choice(Architecture, SampleOptions.Architectures, "The network pair to train.")),
            SweepSetting.Required(SweepParameter.Integer(Epochs, 1, "Training epochs of every run.", int.MaxValue)),
            SweepSetting.Optional(SweepParameter.Integer(MaxBatchesPerEpoch, 1, "Stop each epoch after this many batches (quick sweeps).", int.MaxValue)),
            SweepSetting.Optional(SweepParameter.Integer(EvaluationSamples, 1, "Generated images each run is evaluated on.", int.MaxValue), SweepValue.FromInteger(SampleOptions.DefaultEvalSamples)),
        ]);

    /// <summary>The run's training settings: its epochs, batch size, learning rate, batch cap and evaluation size.</summary>
    public static TrainingSettings Training(SweepRun run, string device, string? dataDirectory) => new(
        checked((int)run[Epochs].AsInt64()),
        BatchSize(run),
        run.TryGetParameter("generatorLearningRate", out var rate) ? rate.AsDouble() : SampleOptions.DefaultLearningRate,
        run.TryGetParameter(MaxBatchesPerEpoch, out var max) ? checked((int)max.AsInt64()) : null,
        device,
        dataDirectory,
        checked((int)run[EvaluationSamples].AsInt64()));

    /// <summary>Gets the batch size a run trains with (its own, or the sample's default).</summary>
    public static int BatchSize(SweepRun run) =>
        run.TryGetParameter("batchSize", out var value) ? checked((int)value.AsInt64()) : SampleOptions.DefaultBatchSize;

    /// <summary>Sets every parameter of <paramref name="run"/> on <paramref name="options"/>.</summary>
    /// <exception cref="InvalidOperationException">A parameter the schema declares has no mapping here.</exception>
    public static void Apply(SweepRun run, AdversarialTrainerOptions options)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(options);
        string penalty = "none";
        double? penaltyWeight = null;
        foreach (var (name, value) in run.Parameters)
        {
            switch (name)
            {
                case "generatorLearningRate": options.GeneratorLearningRate = value.AsDouble(); break;
                case "discriminatorLearningRate": options.DiscriminatorLearningRate = value.AsDouble(); break;
                case "batchSize": options.BatchSize = checked((int)value.AsInt64()); break;
                case "loss": options.Loss = CreateLoss(value.AsString()); break;
                case "updateScheme": options.UpdateScheme = Enum.Parse<UpdateScheme>(value.AsString()); break;
                case "discriminatorSteps": options.DiscriminatorSteps = checked((int)value.AsInt64()); break;
                case "emaDecay": options.EmaDecay = value.AsDouble(); break;
                case "penalty": penalty = value.AsString(); break;
                case "penaltyWeight": penaltyWeight = value.AsDouble(); break;
                case "generatorBeta1": options.GeneratorBeta1 = value.AsDouble(); break;
                case "generatorBeta2": options.GeneratorBeta2 = value.AsDouble(); break;
                case "discriminatorBeta1": options.DiscriminatorBeta1 = value.AsDouble(); break;
                case "discriminatorBeta2": options.DiscriminatorBeta2 = value.AsDouble(); break;
                case "adamEpsilon": options.AdamEpsilon = value.AsDouble(); break;
                case "dropLastBatch": options.DropLastBatch = value.AsBoolean(); break;
                case Architecture or Epochs or MaxBatchesPerEpoch or EvaluationSamples: break; // the run's settings, applied by TrainRun

                default: throw new InvalidOperationException($"The sweep parameter '{name}' has no mapping onto the trainer options.");
            }
        }

        options.Penalty = penalty switch
        {
            "gradient" => new GradientPenalty(penaltyWeight ?? GradientPenalty.DefaultLambda),
            "r1" => new R1Penalty(penaltyWeight ?? R1Penalty.DefaultGamma),
            _ => null,
        };
    }

    private static IAdversarialLoss CreateLoss(string name) => name switch
    {
        "NonSaturating" => new NonSaturatingLoss(),
        "Minimax" => new MinimaxLoss(),
        "Hinge" => new HingeLoss(),
        "LeastSquares" => new LeastSquaresLoss(),
        "Wasserstein" => new WassersteinLoss(),
        _ => throw new InvalidOperationException($"The loss '{name}' has no mapping; expected one of {string.Join(", ", Losses)}."),
    };
}
