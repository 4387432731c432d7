using GanKit.Data;
using GanKit.Imaging;
using GanKit.Networks;
using GanKit.Regularization;
using GanKit.TestSupport;
using GanKit.Tests.TestSupport;
using GanKit.Training;
using GanKit.Training.Callbacks;
using GanKit.Training.Steps;
using SixLabors.ImageSharp;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Tests.Training;

// Runs alone: training draws from torch's process-wide random stream.
[Collection(NonParallelCollection.Name)]
public sealed class ConditionalTrainingTests
{
    public static TheoryData<string, UpdateScheme> Pairs => new()
    {
        { "projection", UpdateScheme.Simultaneous },
        { "projection", UpdateScheme.Alternating },
        { "label-maps", UpdateScheme.Simultaneous },
        { "auxiliary", UpdateScheme.Simultaneous },
        { "auxiliary", UpdateScheme.Alternating },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void A_short_conditional_run_with_ema_and_a_penalty_trains_and_draws_one_grid_row_per_class(string discriminatorKind, UpdateScheme scheme)
    {
        using var dir = new TempDirectory();
        var options = TinyGan.Options(dir.Path);
        options.UpdateScheme = scheme;
        options.EmaDecay = 0.9;
        options.Penalty = new R1Penalty(1.0);
        options.SamplesPerClass = 5;
        using var generator = TinyConditionalGan.Generator();
        using var discriminator = Discriminator(discriminatorKind);
        using var data = TinyConditionalGan.Data();
        using var trainer = new AdversarialTrainer(generator, discriminator, options);

        var history = trainer.Fit(data);

        history.Rows.Should().HaveCount(2).And.OnlyContain(r => double.IsFinite(r.DiscriminatorLoss) && double.IsFinite(r.GeneratorLoss));
        trainer.SampleNoise.shape.Should().Equal(15, TinyGan.LatentDim);
        using var labels = trainer.SampleLabels!.cpu();
        labels.data<long>().ToArray().Should().Equal(0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2);
        var grid = Image.Identify(SampleGridCallback.PathOf(dir.Path, 2));
        int tile = 8 + ImageGrid.DefaultPadding;
        grid.Width.Should().Be((5 * tile) + ImageGrid.DefaultPadding, "five columns, one per fixed noise vector");
        grid.Height.Should().Be((3 * tile) + ImageGrid.DefaultPadding, "three rows, one per class");
    }

    [Fact]
    public void The_auxiliary_classifier_loss_is_added_to_both_networks()
    {
        var plain = Losses(auxiliaryWeight: null);
        var heavier = Losses(auxiliaryWeight: 50);

        heavier.Discriminator.Should().BeGreaterThan(plain.Discriminator + 10, "fifty times the classification loss of real and fake images");
        heavier.Generator.Should().BeGreaterThan(plain.Generator + 10, "fifty times the classification loss of the generated images");
    }

    [Fact]
    public void Real_labels_arrive_with_their_images_and_a_resumed_run_repeats_the_straight_one()
    {
        using var straightDir = new TempDirectory();
        using var dir = new TempDirectory();
        var straightStep = new RecordingStep();
        var straight = Train(straightDir.Path, epochs: 3, resume: false, straightStep, out var straightGenerator);
        var firstStep = new RecordingStep();
        Train(dir.Path, epochs: 1, resume: false, firstStep, out var first);
        first.Dispose();
        var secondStep = new RecordingStep();
        var resumed = Train(dir.Path, epochs: 3, resume: true, secondStep, out var resumedGenerator);

        straightStep.Misaligned.Should().Be(0);
        firstStep.Misaligned.Should().Be(0);
        secondStep.Misaligned.Should().Be(0);
        firstStep.Labels.Concat(secondStep.Labels).Should().Equal(straightStep.Labels, "the resumed run sees the straight run's batches, labels and all");
        resumed.Rows.Select(r => r.DiscriminatorLoss).Should().Equal(straight.Rows.Select(r => r.DiscriminatorLoss));
        TinyGan.ShouldBeIdentical(resumedGenerator, straightGenerator);
        straightGenerator.Dispose();
        resumedGenerator.Dispose();
    }

    [Theory]
    [InlineData(FakeLabelSampling.Uniform, 1.0 / 3)]
    [InlineData(FakeLabelSampling.ClassFrequencies, 0.75)]
    public void Fake_labels_are_drawn_uniformly_or_in_the_datas_proportions(FakeLabelSampling sampling, double expectedShareOfClassZero)
    {
        using var dir = new TempDirectory();
        var options = TinyGan.Options(dir.Path);
        options.Epochs = 1;
        options.FakeLabels = sampling;
        var step = new RecordingStep { ExtraFakeDraws = 50 };
        options.TrainingStep = step;
        using var generator = TinyConditionalGan.Generator();
        using var discriminator = TinyConditionalGan.ProjectionDiscriminator();
        using var images = torch.zeros(40, 1, 8, 8);
        var labels = torch.tensor(Enumerable.Range(0, 40).Select(i => i < 30 ? 0L : 1 + (i % 2)).ToArray());
        using var data = new LabelledTensorDataset(images.clone(), labels, 3);
        using var trainer = new AdversarialTrainer(generator, discriminator, options);

        trainer.Fit(data);

        step.FakeLabels.Should().HaveCount(5 * 50 * 8);
        step.FakeLabels.Count(l => l == 0).Should().BeCloseTo((int)(expectedShareOfClassZero * 2000), 120);
    }

    [Fact]
    public void Generate_asks_for_the_given_classes_and_checks_them()
    {
        using var dir = new TempDirectory();
        using var generator = TinyConditionalGan.Generator();
        using var discriminator = TinyConditionalGan.ProjectionDiscriminator();
        using var trainer = new AdversarialTrainer(generator, discriminator, TinyGan.Options(dir.Path));

        using var images = trainer.Generate(4, [2, 2, 0, 1]);
        using var drawn = trainer.Generate(3);

        images.shape.Should().Equal(4, 1, 8, 8);
        drawn.shape.Should().Equal(3, 1, 8, 8);
        trainer.ClassCount.Should().Be(3);
        FluentActions.Invoking(() => trainer.Generate(2, [0])).Should().Throw<ArgumentException>().WithMessage("*needs 2 labels*got 1*");
        FluentActions.Invoking(() => trainer.Generate(1, [3])).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*Label 0 is 3*");
    }

    [Fact]
    public void Pairs_that_cannot_use_labels_together_are_refused_with_the_reason()
    {
        using var dir = new TempDirectory();
        var options = TinyGan.Options(dir.Path);
        using var conditional = TinyConditionalGan.Generator();
        using var plainGenerator = TinyGan.Generator();
        using var projection = TinyConditionalGan.ProjectionDiscriminator();
        using var plainDiscriminator = TinyGan.Discriminator();
        using var otherClasses = new DiscriminatorBuilder(1, 8, 8).Flatten().Projection(4).Build();

        FluentActions.Invoking(() => new AdversarialTrainer(plainGenerator, projection, options)).Should().Throw<ArgumentException>().WithMessage("*reads labels of 3 classes, but the generator is unconditional*");
        FluentActions.Invoking(() => new AdversarialTrainer(conditional, plainDiscriminator, options)).Should().Throw<ArgumentException>().WithMessage("*nothing would teach the generator its labels*");
        FluentActions.Invoking(() => new AdversarialTrainer(conditional, otherClasses, options)).Should().Throw<ArgumentException>().WithMessage("*conditioned on 3 classes, but the discriminator reads 4*");
    }

    [Fact]
    public void A_conditional_run_refuses_data_without_labels_or_with_other_classes()
    {
        using var dir = new TempDirectory();
        using var generator = TinyConditionalGan.Generator();
        using var discriminator = TinyConditionalGan.ProjectionDiscriminator();
        using var trainer = new AdversarialTrainer(generator, discriminator, TinyGan.Options(dir.Path));
        using var unlabelled = TinyGan.Data();
        using var unlabelledSource = new InMemoryBatchSource(unlabelled);
        using var images = torch.zeros(8, 1, 8, 8);
        using var twoClasses = new LabelledTensorDataset(images.clone(), torch.zeros(8, dtype: ScalarType.Int64), 2);

        FluentActions.Invoking(() => trainer.Fit(unlabelled)).Should().Throw<ArgumentException>().WithMessage("*conditioned on 3 classes, but the dataset (TensorImageDataset) carries no labels*");
        FluentActions.Invoking(() => trainer.Fit(unlabelledSource)).Should().Throw<ArgumentException>().WithMessage("*source (InMemoryBatchSource) carries no labels*");
        FluentActions.Invoking(() => trainer.Fit(twoClasses)).Should().Throw<ArgumentException>().WithMessage("*conditioned on 3 classes, but the data has 2*");
    }

    private static DiscriminatorNetwork Discriminator(string kind) => kind switch
    {
        "projection" => TinyConditionalGan.ProjectionDiscriminator(),
        "label-maps" => TinyConditionalGan.LabelMapsDiscriminator(),
        _ => TinyConditionalGan.AuxiliaryClassifierDiscriminator(),
    };

    private static (double Discriminator, double Generator) Losses(double? auxiliaryWeight)
    {
        using var dir = new TempDirectory();
        var options = TinyGan.Options(dir.Path);
        options.Epochs = 1;
        options.AuxiliaryLoss = auxiliaryWeight is { } w ? new GanKit.Losses.AuxiliaryClassifierLoss(w) : null;
        using var generator = TinyConditionalGan.Generator();
        using var discriminator = TinyConditionalGan.AuxiliaryClassifierDiscriminator();
        using var data = TinyConditionalGan.Data();
        using var trainer = new AdversarialTrainer(generator, discriminator, options);
        var row = trainer.Fit(data).Rows.Single();
        return (row.DiscriminatorLoss, row.GeneratorLoss);
    }

    private static TrainingHistory Train(string folder, int epochs, bool resume, RecordingStep step, out GeneratorNetwork generator)
    {
        var options = TinyGan.Options(folder);
        options.Epochs = epochs;
        options.Resume = resume;
        options.TrainingStep = step;
        generator = TinyConditionalGan.Generator();
        using var discriminator = TinyConditionalGan.ProjectionDiscriminator();
        using var data = TinyConditionalGan.Data();
        using var trainer = new AdversarialTrainer(generator, discriminator, options);
        return trainer.Fit(data);
    }

    /// <summary>The simultaneous step, recording the real labels it is given and whether each matches its image.</summary>
    private sealed class RecordingStep : ITrainingStep
    {
        private readonly SimultaneousStep inner = new();

        public List<long> Labels { get; } = [];

        public List<long> FakeLabels { get; } = [];

        public int Misaligned { get; private set; }

        public int ExtraFakeDraws { get; init; }

        public string Name => "simultaneous";

        public StepOutcome Run(StepContext context, TrainingBatch batch)
        {
            using (var cpu = batch.Labels!.cpu())
            {
                var labels = cpu.data<long>().ToArray();
                Labels.AddRange(labels);
                Misaligned += TinyConditionalGan.LabelsEncodedIn(batch.Images).Zip(labels).Count(p => p.First != p.Second);
            }

            for (int i = 0; i < ExtraFakeDraws; i++)
            {
                using var fake = context.FakeLabels()!.cpu();
                FakeLabels.AddRange(fake.data<long>().ToArray());
            }

            return inner.Run(context, batch);
        }
    }
}
