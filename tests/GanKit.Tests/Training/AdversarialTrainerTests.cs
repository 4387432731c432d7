using GanKit.Data;
using GanKit.Losses;
using GanKit.Networks;
using GanKit.Regularization;
using GanKit.TestSupport;
using GanKit.Tests.TestSupport;
using GanKit.Training;
using GanKit.Checkpoints;
using Microsoft.Extensions.Logging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Tests.Training;

// Runs alone: the comparisons below rely on torch's process-wide random stream, which test
// classes running in parallel would otherwise draw from in between.
[Collection(NonParallelCollection.Name)]
public sealed class AdversarialTrainerTests
{
    // 40 images in batches of 8: five steps per epoch.
    private static TrainingHistory Train(AdversarialTrainerOptions options, out GeneratorNetwork generator, out DiscriminatorNetwork discriminator, ILogger<AdversarialTrainer>? logger = null)
    {
        generator = TinyGan.Generator();
        discriminator = TinyGan.Discriminator();
        using var data = TinyGan.Data();
        using var trainer = new AdversarialTrainer(generator, discriminator, options, logger);
        return trainer.Fit(data);
    }

    [Fact]
    public void Simultaneous_run_writes_samples_gif_history_and_checkpoints()
    {
        using var dir = new TempDirectory();
        var options = TinyGan.Options(dir.Path);
        var progress = new ListProgress<TrainingProgress>();
        var generator = TinyGan.Generator();
        var discriminator = TinyGan.Discriminator();
        using var initial = generator.parameters().First().detach().clone();
        using var data = TinyGan.Data();
        using var trainer = new AdversarialTrainer(generator, discriminator, options);

        var history = trainer.Fit(data, progress);

        history.Rows.Select(r => r.Epoch).Should().Equal(1, 2);
        history.Rows.Select(r => r.Step).Should().Equal(5, 10);
        history.Rows.Should().OnlyContain(r => double.IsFinite(r.DiscriminatorLoss) && double.IsFinite(r.GeneratorLoss) && r.RealScore > 0 && r.RealScore < 1 && r.FakeScore > 0 && r.FakeScore < 1 && r.ImagesPerSecond > 0);
        TensorAssert.Identical(generator.parameters().First(), initial).Should().BeFalse("training moved the weights");

        string samples = Path.Combine(dir.Path, "samples");
        foreach (string png in new[] { "epoch-0001.png", "epoch-0002.png" })
        {
            var info = Image.Identify(Path.Combine(samples, png));
            info.Width.Should().Be((4 * (8 + 2)) + 2, "16 samples make a 4x4 grid of 8x8 tiles");
            info.Height.Should().Be(42);
        }

        using (var gif = Image.Load<Rgba32>(Path.Combine(samples, "progress.gif")))
        {
            gif.Frames.Count.Should().Be(2);
            gif.Width.Should().Be(42);
        }

        File.ReadAllLines(Path.Combine(dir.Path, "metrics.csv")).Should().HaveCount(3);
        TrainingHistory.ReadJson(Path.Combine(dir.Path, "history.json")).Rows.Should().Equal(history.Rows);
        Directory.GetDirectories(Path.Combine(dir.Path, "checkpoints")).Select(Path.GetFileName)
            .Should().BeEquivalentTo("epoch-0001-step-00000005", "epoch-0002-step-00000010");
        var latest = new CheckpointStore(Path.Combine(dir.Path, "checkpoints")).FindLatestValid()!;
        latest.Manifest.Files.Keys.Should().BeEquivalentTo(
            "generator.bin", "discriminator.bin", "generator-optimizer.bin", "discriminator-optimizer.bin", "rng.bin", "state.json", "options.json", "history.json", "generator.gankit");
        File.ReadAllText(latest.PathOf("options.json")).Should().Contain("\"BatchSize\": \"8\"").And.Contain("non-saturating");

        // Steps 2 and 4 of each epoch report mid-epoch; the epoch end reports once more.
        progress.Reports.Select(p => (p.Step, p.IsEpochEnd)).Should().Equal((2, false), (4, false), (5, true), (6, false), (8, false), (10, true));
        progress.Reports.Should().OnlyContain(p => p.Epochs == 2 && p.BatchesPerEpoch == 5 && double.IsFinite(p.DiscriminatorLoss));
    }

    [Fact]
    public void A_simultaneous_step_gives_each_network_the_gradient_of_its_own_loss_only()
    {
        using var dir = new TempDirectory();
        var options = TinyGan.Options(dir.Path);
        options.Epochs = 1;
        options.MaxBatchesPerEpoch = 1;
        Train(options, out var trained, out var trainedDiscriminator);

        // The same step by hand, as the Keras tutorial writes it with two gradient tapes.
        var generator = TinyGan.Generator();
        var discriminator = TinyGan.Discriminator();
        using var data = TinyGan.Data();
        torch.manual_seed(options.Seed);
        using var real = ShuffledBatches.Epoch(data, 8, AdversarialTrainer.EpochSeed(options.Seed, 1)).First();
        var gOpt = torch.optim.Adam(generator.parameters(), 1e-4, 0.9, 0.999, 1e-7);
        var dOpt = torch.optim.Adam(discriminator.parameters(), 1e-4, 0.9, 0.999, 1e-7);
        using var noise = torch.randn(8, TinyGan.LatentDim);
        var fake = generator.call(noise);
        var realLogits = discriminator.call(real);
        var fakeLogits = discriminator.call(fake);
        var gLoss = nn.functional.binary_cross_entropy_with_logits(fakeLogits, torch.ones_like(fakeLogits));
        var dLoss = nn.functional.binary_cross_entropy_with_logits(realLogits, torch.ones_like(realLogits))
            + nn.functional.binary_cross_entropy_with_logits(fakeLogits, torch.zeros_like(fakeLogits));
        var gParams = generator.parameters().Select(p => (Tensor)p).ToList();
        var dParams = discriminator.parameters().Select(p => (Tensor)p).ToList();
        var gGrads = torch.autograd.grad(new[] { gLoss }, gParams, retain_graph: true);
        var dGrads = torch.autograd.grad(new[] { dLoss }, dParams);
        for (int i = 0; i < gParams.Count; i++)
        {
            gParams[i].grad = gGrads[i];
        }

        for (int i = 0; i < dParams.Count; i++)
        {
            dParams[i].grad = dGrads[i];
        }

        gOpt.step();
        dOpt.step();

        TinyGan.ShouldBeIdentical(trained, generator);
        TinyGan.ShouldBeIdentical(trainedDiscriminator, discriminator);
    }

    [Fact]
    public void Alternating_run_steps_the_generator_every_kth_batch()
    {
        using var dir = new TempDirectory();
        var options = TinyGan.Options(dir.Path);
        options.UpdateScheme = UpdateScheme.Alternating;
        options.DiscriminatorSteps = 2;
        var generator = TinyGan.Generator();
        var discriminator = TinyGan.Discriminator();
        using var data = TinyGan.Data();
        using var trainer = new AdversarialTrainer(generator, discriminator, options);
        var generatorSteps = new List<long>();
        trainer.StepCompleted += (_, e) =>
        {
            if (e.GeneratorLoss is not null)
            {
                generatorSteps.Add(e.Step);
            }

            double.IsFinite(e.DiscriminatorLoss.item<float>()).Should().BeTrue();
        };

        var history = trainer.Fit(data);

        generatorSteps.Should().Equal(2, 4, 6, 8, 10);
        history.Rows.Should().HaveCount(2).And.OnlyContain(r => double.IsFinite(r.GeneratorLoss));
    }

    [Fact]
    public void Wasserstein_with_gradient_penalty_spectral_norm_and_average_trains()
    {
        using var dir = new TempDirectory();
        var options = TinyGan.Options(dir.Path);
        options.Loss = new WassersteinLoss();
        options.Penalty = new GradientPenalty();
        options.UpdateScheme = UpdateScheme.Alternating;
        options.DiscriminatorSteps = 2;
        options.EmaDecay = 0.9;
        var generator = TinyGan.Generator();
        var discriminator = TinyGan.Discriminator(spectralNorm: true);
        using var data = TinyGan.Data();
        using var trainer = new AdversarialTrainer(generator, discriminator, options);

        var history = trainer.Fit(data);

        history.Rows.Should().HaveCount(2).And.OnlyContain(r => double.IsFinite(r.DiscriminatorLoss) && double.IsFinite(r.GeneratorLoss));
        var latest = new CheckpointStore(Path.Combine(dir.Path, "checkpoints")).FindLatestValid()!;
        latest.Manifest.Files.Keys.Should().Contain("generator-ema.bin");
    }

    [Fact]
    public void A_spectrally_normalised_discriminator_trains_with_simultaneous_updates()
    {
        // The discriminator runs twice in training mode before the backward pass, so its power
        // iteration must not invalidate what the first pass saved for autograd.
        using var dir = new TempDirectory();
        var options = TinyGan.Options(dir.Path);
        options.Epochs = 1;
        options.Loss = new HingeLoss();
        var generator = TinyGan.Generator();
        var discriminator = TinyGan.Discriminator(spectralNorm: true);
        using var data = TinyGan.Data();
        using var trainer = new AdversarialTrainer(generator, discriminator, options);

        trainer.Fit(data).Rows.Should().ContainSingle().Which.DiscriminatorLoss.Should().Match(d => double.IsFinite(d));
    }

    [Theory]
    [InlineData(UpdateScheme.Simultaneous, 1, 5, 10)]
    [InlineData(UpdateScheme.Alternating, 2, 2, 5)]
    public void History_counts_training_steps_and_generator_updates_apart(UpdateScheme scheme, int discriminatorSteps, long afterFirst, long afterSecond)
    {
        using var dir = new TempDirectory();
        var options = TinyGan.Options(dir.Path);
        options.UpdateScheme = scheme;
        options.DiscriminatorSteps = discriminatorSteps;

        // 40 images in batches of 8: 5 steps per epoch; alternating with k = 2 updates the
        // generator on steps 2 and 4, then 6, 8 and 10.
        var rows = Train(options, out _, out _).Rows;

        rows.Select(row => row.Step).Should().Equal(5L, 10L);
        rows.Select(row => row.GeneratorSteps).Should().Equal(afterFirst, afterSecond);
    }

    [Theory]
    [InlineData(UpdateScheme.Simultaneous)]
    [InlineData(UpdateScheme.Alternating)]
    public void R1_penalty_and_hinge_loss_train_with_both_schemes(UpdateScheme scheme)
    {
        // Two runs from the same seeds differ only in the penalty, so their first discriminator
        // losses (computed before any update) differ by exactly the R1 term, which is positive.
        var (plain, plainRows) = FirstDiscriminatorLoss(scheme, penalty: null);
        var (penalised, penalisedRows) = FirstDiscriminatorLoss(scheme, new R1Penalty());

        plain.Should().BeInRange(1.0, 3.0, "the hinge term of a fresh critic is about 2");
        penalised.Should().BeGreaterThan(plain + 1e-4, "R1 adds weight/2 * E||grad D(x)||^2 to the same hinge term");
        plainRows.Concat(penalisedRows).Should().OnlyContain(row => double.IsFinite(row.DiscriminatorLoss) && double.IsFinite(row.GeneratorLoss));
    }

    private static (double First, IReadOnlyList<TrainingHistoryRow> Rows) FirstDiscriminatorLoss(UpdateScheme scheme, IDiscriminatorPenalty? penalty)
    {
        using var dir = new TempDirectory();
        var options = TinyGan.Options(dir.Path);
        options.Epochs = 1;
        options.Loss = new HingeLoss();
        options.Penalty = penalty;
        options.UpdateScheme = scheme;
        using var generator = TinyGan.Generator();
        using var discriminator = TinyGan.Discriminator();
        using var data = TinyGan.Data();
        using var trainer = new AdversarialTrainer(generator, discriminator, options);
        double? first = null;
        trainer.StepCompleted += (_, e) => first ??= e.DiscriminatorLoss.item<float>();
        var rows = trainer.Fit(data).Rows;
        return (first ?? double.NaN, rows);
    }

    [Fact]
    public void The_discriminator_l2_term_is_added_to_its_loss()
    {
        using var dir = new TempDirectory();
        var options = TinyGan.Options(dir.Path);
        options.Epochs = 1;
        options.MaxBatchesPerEpoch = 1;
        options.Loss = new ZeroDiscriminatorLoss();
        var generator = TinyGan.Generator();
        var discriminator = TinyGan.Discriminator(regularizer: Regularizers.L2(0.01));
        double expected;
        using (torch.no_grad())
        {
            var kernel = discriminator.named_parameters().First(p => p.name.EndsWith("weight", StringComparison.Ordinal) && p.parameter.dim() == 4).parameter;
            expected = 0.01 * kernel.square().sum().item<float>();
        }

        using var data = TinyGan.Data();
        using var trainer = new AdversarialTrainer(generator, discriminator, options);
        double reported = double.NaN;
        double generatorReported = double.NaN;
        trainer.StepCompleted += (_, e) =>
        {
            reported = e.DiscriminatorLoss.item<float>();
            generatorReported = e.GeneratorLoss!.item<float>();
        };

        trainer.Fit(data);

        expected.Should().BeGreaterThan(0);
        reported.Should().BeApproximately(expected, expected * 1e-5, "the adversarial term is zero, so the loss is 0.01 * sum(w^2)");
        generatorReported.Should().BeGreaterThan(0, "the generator's loss carries no discriminator L2 term but its own adversarial one");
    }

    [Fact]
    public void Seeded_runs_repeat_exactly_and_another_seed_differs()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        using var third = new TempDirectory();
        var historyA = Train(TinyGan.Options(first.Path), out var generatorA, out var discriminatorA);
        var historyB = Train(TinyGan.Options(second.Path), out var generatorB, out var discriminatorB);
        var other = TinyGan.Options(third.Path);
        other.Seed = 8;
        Train(other, out var generatorC, out _);

        TinyGan.ShouldBeIdentical(generatorA, generatorB);
        TinyGan.ShouldBeIdentical(discriminatorA, discriminatorB);
        historyA.Rows.Select(r => (r.DiscriminatorLoss, r.GeneratorLoss)).Should().Equal(historyB.Rows.Select(r => (r.DiscriminatorLoss, r.GeneratorLoss)));
        TensorAssert.Identical(generatorA.parameters().First(), generatorC.parameters().First()).Should().BeFalse();
        File.ReadAllBytes(Path.Combine(first.Path, "samples", "epoch-0002.png")).Should().Equal(File.ReadAllBytes(Path.Combine(second.Path, "samples", "epoch-0002.png")));
    }

    [Fact]
    public void A_run_resumed_at_an_epoch_boundary_ends_bit_identical_to_an_uninterrupted_one()
    {
        using var straightDir = new TempDirectory();
        using var resumedDir = new TempDirectory();
        var straightOptions = TinyGan.Options(straightDir.Path);
        straightOptions.Epochs = 3;
        straightOptions.EmaDecay = 0.9;
        var straightHistory = Train(straightOptions, out var straightG, out var straightD);

        var firstLeg = TinyGan.Options(resumedDir.Path);
        firstLeg.Epochs = 2;
        firstLeg.EmaDecay = 0.9;
        Train(firstLeg, out _, out _);

        // A new process would rebuild the networks from scratch: other initial weights, other RNG state.
        var secondLeg = TinyGan.Options(resumedDir.Path);
        secondLeg.Epochs = 3;
        secondLeg.EmaDecay = 0.9;
        secondLeg.Resume = true;
        var generator = TinyGan.Generator(seed: 100);
        var discriminator = TinyGan.Discriminator(seed: 101);
        using var data = TinyGan.Data();
        torch.manual_seed(12345);
        var logger = new RecordingLogger<AdversarialTrainer>();
        TrainingHistory resumedHistory;
        Tensor resumedSamples;
        using (var trainer = new AdversarialTrainer(generator, discriminator, secondLeg, logger))
        {
            resumedHistory = trainer.Fit(data);
            resumedSamples = trainer.Generate(4);
        }

        TinyGan.ShouldBeIdentical(generator, straightG);
        TinyGan.ShouldBeIdentical(discriminator, straightD);
        resumedHistory.Rows.Select(r => (r.Epoch, r.Step, r.DiscriminatorLoss, r.GeneratorLoss, r.RealScore, r.FakeScore))
            .Should().Equal(straightHistory.Rows.Select(r => (r.Epoch, r.Step, r.DiscriminatorLoss, r.GeneratorLoss, r.RealScore, r.FakeScore)));
        logger.Entries.Should().Contain(e => e.Message.Contains("Resuming from", StringComparison.Ordinal) && e.Message.Contains("epoch-0002-step-00000010", StringComparison.Ordinal));
        File.ReadAllBytes(Path.Combine(resumedDir.Path, "samples", "epoch-0003.png"))
            .Should().Equal(File.ReadAllBytes(Path.Combine(straightDir.Path, "samples", "epoch-0003.png")), "the averaged weights were restored too");
        using (var gif = Image.Load<Rgba32>(Path.Combine(resumedDir.Path, "samples", "progress.gif")))
        {
            gif.Frames.Count.Should().Be(3, "the GIF covers the epochs of both legs");
        }

        resumedSamples.shape.Should().Equal(4, 1, 8, 8);
        resumedSamples.Dispose();
    }

    [Fact]
    public void Cancellation_stops_at_a_step_boundary_writes_a_checkpoint_and_resumes_bit_identically()
    {
        using var straightDir = new TempDirectory();
        using var dir = new TempDirectory();
        Train(TinyGan.Options(straightDir.Path), out var straightG, out var straightD);

        var options = TinyGan.Options(dir.Path);
        using var cancellation = new CancellationTokenSource();
        using (var data = TinyGan.Data())
        using (var trainer = new AdversarialTrainer(TinyGan.Generator(), TinyGan.Discriminator(), options))
        {
            var steps = new List<long>();
            trainer.StepCompleted += (_, e) =>
            {
                steps.Add(e.Step);
                if (e.Step == 7)
                {
                    cancellation.Cancel();
                }
            };

            FluentActions.Invoking(() => trainer.Fit(data, cancellationToken: cancellation.Token)).Should().Throw<OperationCanceledException>();
            steps.Should().Equal(1, 2, 3, 4, 5, 6, 7);
        }

        var latest = new CheckpointStore(Path.Combine(dir.Path, "checkpoints")).FindLatestValid()!;
        Path.GetFileName(latest.Directory).Should().Be("epoch-0001-step-00000007");

        options.Resume = true;
        var generator = TinyGan.Generator(seed: 50);
        var discriminator = TinyGan.Discriminator(seed: 51);
        using (var data = TinyGan.Data())
        using (var trainer = new AdversarialTrainer(generator, discriminator, options))
        {
            var resumedSteps = new List<long>();
            trainer.StepCompleted += (_, e) => resumedSteps.Add(e.Step);
            trainer.Fit(data).Rows.Should().HaveCount(2);
            resumedSteps.Should().Equal(8, 9, 10);
        }

        TinyGan.ShouldBeIdentical(generator, straightG);
        TinyGan.ShouldBeIdentical(discriminator, straightD);
    }

    [Fact]
    public void A_corrupt_newest_checkpoint_is_skipped_with_a_warning_and_the_previous_one_used()
    {
        using var straightDir = new TempDirectory();
        using var dir = new TempDirectory();
        Train(TinyGan.Options(straightDir.Path), out var straightG, out var straightD);
        Train(TinyGan.Options(dir.Path), out _, out _);

        string newest = Path.Combine(dir.Path, "checkpoints", "epoch-0002-step-00000010");
        string weights = Path.Combine(newest, "generator.bin");
        var bytes = File.ReadAllBytes(weights);
        bytes[^3] ^= 0x55;
        File.WriteAllBytes(weights, bytes);

        var options = TinyGan.Options(dir.Path);
        options.Resume = true;
        var logger = new RecordingLogger<AdversarialTrainer>();
        var history = Train(options, out var generator, out var discriminator, logger);

        logger.Entries.Should().Contain(e => e.Level == LogLevel.Warning && e.Message.Contains("epoch-0002-step-00000010", StringComparison.Ordinal) && e.Message.Contains("generator.bin", StringComparison.Ordinal));
        logger.Entries.Should().Contain(e => e.Message.Contains("Resuming from", StringComparison.Ordinal) && e.Message.Contains("epoch-0001-step-00000005", StringComparison.Ordinal));
        history.Rows.Select(r => r.Epoch).Should().Equal(1, 2);
        TinyGan.ShouldBeIdentical(generator, straightG);
        TinyGan.ShouldBeIdentical(discriminator, straightD);
    }

    [Fact]
    public void A_fresh_run_refuses_a_folder_that_holds_another_runs_checkpoints()
    {
        using var dir = new TempDirectory();
        var options = TinyGan.Options(dir.Path);
        options.Epochs = 1;
        options.MaxBatchesPerEpoch = 1;
        Train(options, out _, out _);

        FluentActions.Invoking(() => Train(options, out _, out _))
            .Should().Throw<InvalidOperationException>().WithMessage("*already holds checkpoints*Resume = true*--resume*start afresh*OutputDirectory*delete*");
    }

    [Fact]
    public void A_non_finite_loss_stops_training_naming_epoch_and_step_and_keeps_the_last_good_checkpoint()
    {
        using var dir = new TempDirectory();
        var options = TinyGan.Options(dir.Path);
        options.Epochs = 3;
        options.LogEvery = 50;
        options.Loss = new NaNAfterLoss(generatorCalls: 7);
        var generator = TinyGan.Generator();
        var discriminator = TinyGan.Discriminator();
        using var data = TinyGan.Data();
        using var trainer = new AdversarialTrainer(generator, discriminator, options);

        var thrown = FluentActions.Invoking(() => trainer.Fit(data)).Should().Throw<TrainingDivergedException>().Which;

        thrown.Epoch.Should().Be(2);
        thrown.Step.Should().Be(7);
        thrown.Message.Should().Contain("step 7").And.Contain("epoch 2");
        var checkpoints = Directory.GetDirectories(Path.Combine(dir.Path, "checkpoints")).Select(Path.GetFileName);
        checkpoints.Should().Equal("epoch-0001-step-00000005");
        var latest = new CheckpointStore(Path.Combine(dir.Path, "checkpoints")).FindLatestValid()!;
        var reloaded = TinyGan.Generator(seed: 9);
        reloaded.load(latest.PathOf("generator.bin"));
        reloaded.parameters().Should().OnlyContain(p => p.isfinite().all().item<bool>());
    }

    [Fact]
    public void Generate_draws_images_of_the_output_shape_in_tanh_range()
    {
        using var dir = new TempDirectory();
        using var trainer = new AdversarialTrainer(TinyGan.Generator(), TinyGan.Discriminator(), TinyGan.Options(dir.Path));
        using var images = trainer.Generate(5);
        images.shape.Should().Equal(5, 1, 8, 8);
        images.abs().max().item<float>().Should().BeLessThanOrEqualTo(1f);
        images.requires_grad.Should().BeFalse();
        trainer.Generator.training.Should().BeTrue("Generate restores the mode it found");
        FluentActions.Invoking(() => trainer.Generate(0)).Should().Throw<ArgumentOutOfRangeException>();
        trainer.SampleNoise.shape.Should().Equal(16, TinyGan.LatentDim);
    }

    [Fact]
    public void With_an_average_generate_uses_the_averaged_weights_and_leaves_the_live_ones()
    {
        using var dir = new TempDirectory();
        var options = TinyGan.Options(dir.Path);
        options.Epochs = 1;
        options.EmaDecay = 0.9;
        var generator = TinyGan.Generator();
        using var data = TinyGan.Data();
        using var trainer = new AdversarialTrainer(generator, TinyGan.Discriminator(), options);
        trainer.Fit(data);
        using var liveBefore = generator.parameters().First().detach().clone();

        torch.manual_seed(5);
        using var generated = trainer.Generate(4);

        torch.manual_seed(5);
        using var noise = torch.randn(4, TinyGan.LatentDim);
        generator.eval();
        using var noGrad = torch.no_grad();
        using var raw = generator.call(noise);
        Tensor averaged;
        using (trainer.GeneratorAverage!.Apply(generator))
        {
            averaged = generator.call(noise);
        }

        TensorAssert.Identical(generated, averaged).Should().BeTrue();
        TensorAssert.Identical(generated, raw).Should().BeFalse();
        TensorAssert.Identical(generator.parameters().First(), liveBefore).Should().BeTrue();
        averaged.Dispose();
    }

    [Fact]
    public void Mismatched_shapes_are_rejected_with_both_shapes_in_the_message()
    {
        using var dir = new TempDirectory();
        var wide = new DiscriminatorBuilder(1, 8, 9).Flatten().Dense(1).Build();
        FluentActions.Invoking(() => new AdversarialTrainer(TinyGan.Generator(), wide, TinyGan.Options(dir.Path)))
            .Should().Throw<ArgumentException>().WithMessage("*[1, 8, 8]*[1, 8, 9]*");

        using var trainer = new AdversarialTrainer(TinyGan.Generator(), TinyGan.Discriminator(), TinyGan.Options(dir.Path));
        using var data = new TensorImageDataset(torch.zeros(4, 1, 6, 6));
        FluentActions.Invoking(() => trainer.Fit(data)).Should().Throw<ArgumentException>().WithMessage("*[1, 6, 6]*[1, 8, 8]*");
    }

    [Fact]
    public void Epoch_events_name_the_sample_and_checkpoint()
    {
        using var dir = new TempDirectory();
        var options = TinyGan.Options(dir.Path);
        options.MaxBatchesPerEpoch = 2;
        using var data = TinyGan.Data();
        using var trainer = new AdversarialTrainer(TinyGan.Generator(), TinyGan.Discriminator(), options);
        var events = new List<TrainingEpochEventArgs>();
        trainer.EpochCompleted += (_, e) => events.Add(e);

        trainer.Fit(data);

        events.Select(e => e.Row.Step).Should().Equal(new long[] { 2, 4 }, "MaxBatchesPerEpoch caps each epoch");
        events.Should().OnlyContain(e => File.Exists(e.SamplePath) && Directory.Exists(e.CheckpointDirectory));
    }

    /// <summary>An adversarial term of zero for the discriminator (with a graph), the non-saturating one for the generator.</summary>
    private sealed class ZeroDiscriminatorLoss : IAdversarialLoss
    {
        private readonly NonSaturatingLoss _inner = new();

        public string Name => "zero-discriminator";

        public Tensor DiscriminatorLoss(Tensor realLogits, Tensor fakeLogits) => (realLogits.sum() + fakeLogits.sum()) * 0.0;

        public Tensor GeneratorLoss(Tensor fakeLogits) => _inner.GeneratorLoss(fakeLogits);
    }

    /// <summary>The non-saturating loss until the n-th generator term, which is NaN.</summary>
    private sealed class NaNAfterLoss : IAdversarialLoss
    {
        private readonly NonSaturatingLoss _inner = new();
        private readonly int _generatorCalls;
        private int _calls;

        public NaNAfterLoss(int generatorCalls) => _generatorCalls = generatorCalls;

        public string Name => "nan-after";

        public Tensor DiscriminatorLoss(Tensor realLogits, Tensor fakeLogits) => _inner.DiscriminatorLoss(realLogits, fakeLogits);

        public Tensor GeneratorLoss(Tensor fakeLogits)
        {
            var loss = _inner.GeneratorLoss(fakeLogits);
            return ++_calls >= _generatorCalls ? loss * double.NaN : loss;
        }
    }
}
