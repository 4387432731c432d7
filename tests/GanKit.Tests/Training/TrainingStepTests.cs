using GanKit.Losses;
using GanKit.TestSupport;
using GanKit.Tests.TestSupport;
using GanKit.Training;
using GanKit.Training.Steps;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Tests.Training;

// Runs alone: training draws from torch's process-wide random stream.
[Collection(NonParallelCollection.Name)]
public sealed class TrainingStepTests
{
    [Fact]
    public void A_custom_step_runs_for_every_batch_and_its_outcome_is_reported()
    {
        using var dir = new TempDirectory();
        var options = TinyGan.Options(dir.Path);
        var step = new ConsistencyStep();
        options.TrainingStep = step;
        using var generator = TinyGan.Generator();
        using var discriminator = TinyGan.Discriminator();
        using var data = TinyGan.Data();
        using var trainer = new AdversarialTrainer(generator, discriminator, options);

        var history = trainer.Fit(data);

        trainer.TrainingStep.Should().BeSameAs(step);
        step.Indices.Should().Equal(Enumerable.Range(1, 10).Select(i => (long)i), "two epochs of five batches, numbered through the run");
        history.Rows.Should().OnlyContain(r => double.IsFinite(r.DiscriminatorLoss) && double.IsFinite(r.GeneratorLoss));
        history.Rows.Should().OnlyContain(r => r.DiscriminatorLoss > step.SmallestAdversarialLoss, "the consistency term was added to the discriminator's loss");
    }

    [Fact]
    public void Wasserstein_reports_raw_critic_means_and_probability_losses_sigmoids()
    {
        using var logits = torch.tensor(new float[] { -3f, 5f }).reshape(2, 1);
        using var critic = new WassersteinLoss().Score(logits);
        using var hinge = new HingeLoss().Score(logits);
        using var probability = ((IAdversarialLoss)new NonSaturatingLoss()).Score(logits);

        critic.item<float>().Should().Be(1f, "the mean of -3 and 5");
        hinge.item<float>().Should().Be(1f);
        probability.item<float>().Should().BeApproximately((float)((1 / (1 + Math.Exp(3))) + (1 / (1 + Math.Exp(-5)))) / 2, 1e-6f);
    }

    [Fact]
    public void A_wasserstein_run_reports_critic_means_outside_the_unit_interval()
    {
        using var dir = new TempDirectory();
        var options = TinyGan.Options(dir.Path);
        options.Loss = new WassersteinLoss();
        options.DiscriminatorLearningRate = 0.05;
        using var generator = TinyGan.Generator();
        using var discriminator = TinyGan.Discriminator();
        using var data = TinyGan.Data();
        using var trainer = new AdversarialTrainer(generator, discriminator, options);

        var history = trainer.Fit(data);

        history.Rows[^1].RealScore.Should().BeGreaterThan(history.Rows[^1].FakeScore, "the critic learned to score real images higher");
        history.Rows.SelectMany(r => new[] { r.RealScore, r.FakeScore }).Should().Contain(s => s < 0 || s > 1, "raw critic means are not squashed into [0, 1]");
    }

    /// <summary>
    /// A user's step: the simultaneous update plus a consistency term that asks the discriminator to
    /// give a real image and its horizontal mirror the same logit.
    /// </summary>
    private sealed class ConsistencyStep : ITrainingStep
    {
        public List<long> Indices { get; } = new();

        public double SmallestAdversarialLoss { get; private set; } = double.MaxValue;

        public string Name => "consistency";

        public StepOutcome Run(StepContext context, TrainingBatch batch)
        {
            Indices.Add(batch.Index);
            var labels = context.FakeLabels();
            var real = context.Judge(batch.Images, batch.Labels);
            var fake = context.Judge(context.Generate(context.Noise(), labels), labels);
            var mirroredLogits = context.Judge(batch.Images.flip(3), batch.Labels).Logits;
            var adversarial = context.DiscriminatorLoss(real, fake);
            SmallestAdversarialLoss = Math.Min(SmallestAdversarialLoss, adversarial.item<float>());
            var discriminatorLoss = adversarial + (real.Logits - mirroredLogits).square().mean().mul(10.0).add(1e-3);
            var generatorLoss = context.GeneratorLoss(real, fake);
            context.UpdateBoth(generatorLoss, discriminatorLoss);
            return new StepOutcome(discriminatorLoss.detach(), generatorLoss.detach(), real.Logits.detach(), fake.Logits.detach());
        }
    }
}
