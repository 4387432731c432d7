using GanKit.Losses;
using GanKit.TestSupport;
using GanKit.Tests.TestSupport;
using GanKit.Training;

namespace GanKit.Tests.Training;

public sealed class AdversarialTrainerOptionsTests
{
    [Fact]
    public void Every_default_is_the_tutorial_setting_and_held_as_a_constant()
    {
        var options = new AdversarialTrainerOptions();

        options.Epochs.Should().Be(AdversarialTrainerOptions.DefaultEpochs).And.Be(50);
        options.BatchSize.Should().Be(AdversarialTrainerOptions.DefaultBatchSize).And.Be(256);
        options.MaxBatchesPerEpoch.Should().Be(AdversarialTrainerOptions.DefaultMaxBatchesPerEpoch).And.Be(0);
        options.Seed.Should().Be(AdversarialTrainerOptions.DefaultSeed).And.Be(42);
        options.OutputDirectory.Should().Be(AdversarialTrainerOptions.DefaultOutputDirectory).And.Be("runs/gan");
        options.Loss.Should().BeOfType<NonSaturatingLoss>();
        options.Penalty.Should().BeNull();
        options.UpdateScheme.Should().Be(AdversarialTrainerOptions.DefaultUpdateScheme).And.Be(UpdateScheme.Simultaneous);
        options.DiscriminatorSteps.Should().Be(AdversarialTrainerOptions.DefaultDiscriminatorSteps).And.Be(1);
        options.Device.Should().BeNull();
        options.GeneratorLearningRate.Should().Be(AdversarialTrainerOptions.DefaultLearningRate).And.Be(1e-4);
        options.DiscriminatorLearningRate.Should().Be(AdversarialTrainerOptions.DefaultLearningRate).And.Be(1e-4);
        options.GeneratorBeta1.Should().Be(AdversarialTrainerOptions.DefaultBeta1).And.Be(0.9);
        options.DiscriminatorBeta1.Should().Be(AdversarialTrainerOptions.DefaultBeta1).And.Be(0.9);
        options.GeneratorBeta2.Should().Be(AdversarialTrainerOptions.DefaultBeta2).And.Be(0.999);
        options.DiscriminatorBeta2.Should().Be(AdversarialTrainerOptions.DefaultBeta2).And.Be(0.999);
        options.AdamEpsilon.Should().Be(AdversarialTrainerOptions.DefaultAdamEpsilon).And.Be(1e-7);
        options.SampleCount.Should().Be(AdversarialTrainerOptions.DefaultSampleCount).And.Be(16);
        options.LogEvery.Should().Be(AdversarialTrainerOptions.DefaultLogEvery).And.Be(50);
        options.KeepCheckpoints.Should().Be(AdversarialTrainerOptions.DefaultKeepCheckpoints).And.Be(3);
        options.EmaDecay.Should().Be(AdversarialTrainerOptions.DefaultEmaDecay).And.Be(0);
        options.Resume.Should().Be(AdversarialTrainerOptions.DefaultResume).And.BeFalse();
        options.DropLastBatch.Should().Be(AdversarialTrainerOptions.DefaultDropLastBatch).And.BeFalse();
    }

    public static TheoryData<string, Action<AdversarialTrainerOptions>, string> BadOptions() => new()
    {
        { "Epochs", o => o.Epochs = 0, "0" },
        { "BatchSize", o => o.BatchSize = -3, "-3" },
        { "MaxBatchesPerEpoch", o => o.MaxBatchesPerEpoch = -1, "-1" },
        { "Seed", o => o.Seed = -5, "-5" },
        { "OutputDirectory", o => o.OutputDirectory = " ", "' '" },
        { "DiscriminatorSteps", o => o.DiscriminatorSteps = 0, "0" },
        { "DiscriminatorSteps", o => o.DiscriminatorSteps = 5, "5" },
        { "GeneratorLearningRate", o => o.GeneratorLearningRate = 0, "0" },
        { "DiscriminatorLearningRate", o => o.DiscriminatorLearningRate = double.NaN, "NaN" },
        { "AdamEpsilon", o => o.AdamEpsilon = -1e-7, "-1E-07" },
        { "GeneratorBeta1", o => o.GeneratorBeta1 = 1.0, "1" },
        { "GeneratorBeta2", o => o.GeneratorBeta2 = -0.1, "-0.1" },
        { "DiscriminatorBeta1", o => o.DiscriminatorBeta1 = 1.5, "1.5" },
        { "DiscriminatorBeta2", o => o.DiscriminatorBeta2 = 2, "2" },
        { "EmaDecay", o => o.EmaDecay = 1.0, "1" },
        { "SampleCount", o => o.SampleCount = 0, "0" },
        { "LogEvery", o => o.LogEvery = 0, "0" },
        { "KeepCheckpoints", o => o.KeepCheckpoints = 0, "0" },
        { "UpdateScheme", o => o.UpdateScheme = (UpdateScheme)7, "7" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void The_trainer_rejects_each_bad_option_naming_it_and_its_value(string option, Action<AdversarialTrainerOptions> spoil, string value)
    {
        using var dir = new TempDirectory();
        var options = TinyGan.Options(dir.Path);
        spoil(options);

        FluentActions.Invoking(() => new AdversarialTrainer(TinyGan.Generator(), TinyGan.Discriminator(), options))
            .Should().Throw<ArgumentOutOfRangeException>()
            .Where(e => e.ParamName == option)
            .Where(e => e.Message.Contains("got " + value, StringComparison.Ordinal));
    }

    [Fact]
    public void Several_discriminator_steps_are_accepted_with_alternating_updates()
    {
        var options = new AdversarialTrainerOptions { UpdateScheme = UpdateScheme.Alternating, DiscriminatorSteps = 5 };
        FluentActions.Invoking(options.Validate).Should().NotThrow();
    }

    [Fact]
    public void A_null_loss_is_rejected()
    {
        var options = new AdversarialTrainerOptions { Loss = null! };
        FluentActions.Invoking(options.Validate).Should().Throw<ArgumentNullException>().WithParameterName("Loss");
    }

    [Fact]
    public void Clone_is_independent()
    {
        var options = new AdversarialTrainerOptions { Epochs = 3 };
        var copy = options.Clone();
        options.Epochs = 9;
        copy.Epochs.Should().Be(3);
    }
}
