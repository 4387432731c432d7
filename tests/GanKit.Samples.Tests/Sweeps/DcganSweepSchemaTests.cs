using GanKit.Losses;
using GanKit.Regularization;
using GanKit.Samples.Dcgan.Sweeps;
using GanKit.Sweeps;
using GanKit.Training;

namespace GanKit.Samples.Tests.Sweeps;

public class DcganSweepSchemaTests
{
    private static SweepRun OnlyRun(string fixedParameters) =>
        SweepDefinition.Parse($$"""{ "architectures": ["modified"], "seeds": [5], "epochs": 1, "fixed": {{{fixedParameters}}} }""", DcganSweepSchema.Schema)
            .Expand().Runs.Single();

    [Fact]
    public void Apply_sets_every_declared_parameter_on_the_trainer_options()
    {
        var run = OnlyRun("""
            "generatorLearningRate": 0.0003, "discriminatorLearningRate": 0.0004, "batchSize": 64, "loss": "LeastSquares",
            "updateScheme": "Alternating", "discriminatorSteps": 2, "emaDecay": 0.999, "penalty": "gradient", "penaltyWeight": 5,
            "generatorBeta1": 0.5, "generatorBeta2": 0.99, "discriminatorBeta1": 0.4, "discriminatorBeta2": 0.98, "adamEpsilon": 1e-8,
            "dropLastBatch": true
            """);
        run.Parameters.Select(p => p.Key).Should().BeEquivalentTo(
            DcganSweepSchema.Schema.Parameters.Select(p => p.Name).Concat(["architecture", "epochs", "evaluationSamples"]),
            "this run sets every parameter, and the settings the file gives or defaults");
        var options = new AdversarialTrainerOptions();

        DcganSweepSchema.Apply(run, options);

        options.GeneratorLearningRate.Should().Be(0.0003);
        options.DiscriminatorLearningRate.Should().Be(0.0004);
        options.BatchSize.Should().Be(64);
        options.Loss.Should().BeOfType<LeastSquaresLoss>();
        options.UpdateScheme.Should().Be(UpdateScheme.Alternating);
        options.DiscriminatorSteps.Should().Be(2);
        options.EmaDecay.Should().Be(0.999);
        options.Penalty.Should().BeOfType<GradientPenalty>().Which.Lambda.Should().Be(5);
        options.GeneratorBeta1.Should().Be(0.5);
        options.GeneratorBeta2.Should().Be(0.99);
        options.DiscriminatorBeta1.Should().Be(0.4);
        options.DiscriminatorBeta2.Should().Be(0.98);
        options.AdamEpsilon.Should().Be(1e-8);
        options.DropLastBatch.Should().BeTrue();
        DcganSweepSchema.BatchSize(run).Should().Be(64);
        options.Epochs.Should().Be(new AdversarialTrainerOptions().Epochs, "epochs come from the run's training settings, not from Apply");
    }

    [Fact]
    public void Training_reads_the_runs_settings_from_its_parameters()
    {
        var run = SweepDefinition.Parse("""{ "architectures": ["modified"], "seeds": [5], "epochs": 3, "maxBatchesPerEpoch": 7, "evaluationSamples": 500, "fixed": { "generatorLearningRate": 0.0003 } }""", DcganSweepSchema.Schema)
            .Expand().Runs.Single();

        var training = DcganSweepSchema.Training(run, "cpu", "/data");

        training.Should().Be(new GanKit.Samples.Dcgan.Cli.TrainingSettings(3, 256, 0.0003, 7, "cpu", "/data", 500));
        run["architecture"].AsString().Should().Be("modified");
        DcganSweepSchema.Training(OnlyRun("\"batchSize\": 8"), "cpu", null).Should().Be(new GanKit.Samples.Dcgan.Cli.TrainingSettings(1, 8, 1e-4, null, "cpu", null, 10_000));
    }

    [Theory]
    [InlineData("NonSaturating", typeof(NonSaturatingLoss))]
    [InlineData("minimax", typeof(MinimaxLoss))]
    [InlineData("Hinge", typeof(HingeLoss))]
    [InlineData("wasserstein", typeof(WassersteinLoss))]
    public void Apply_names_each_loss(string name, Type expected)
    {
        var options = new AdversarialTrainerOptions();

        DcganSweepSchema.Apply(OnlyRun($"\"loss\": \"{name}\""), options);

        options.Loss.Should().BeOfType(expected);
    }

    [Fact]
    public void Apply_defaults_the_penalty_weight_and_leaves_untouched_options_alone()
    {
        var options = new AdversarialTrainerOptions();

        DcganSweepSchema.Apply(OnlyRun("\"penalty\": \"r1\""), options);

        options.Penalty.Should().BeOfType<R1Penalty>().Which.Gamma.Should().Be(R1Penalty.DefaultGamma);
        options.GeneratorLearningRate.Should().Be(new AdversarialTrainerOptions().GeneratorLearningRate);
        options.Loss.Should().BeOfType<NonSaturatingLoss>();
        DcganSweepSchema.BatchSize(OnlyRun("\"penalty\": \"none\"")).Should().Be(256);
    }
}
