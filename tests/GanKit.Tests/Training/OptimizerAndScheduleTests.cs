using GanKit.TestSupport;
using GanKit.Tests.TestSupport;
using GanKit.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Tests.Training;

// Runs alone: training draws from torch's process-wide random stream.
[Collection(NonParallelCollection.Name)]
public sealed class OptimizerAndScheduleTests
{
    private static AdversarialTrainerOptions SgdWithStepSchedules(string directory, int epochs, ScheduleInterval discriminatorInterval)
    {
        var options = TinyGan.Options(directory);
        options.Epochs = epochs;
        options.GeneratorOptimizer = parameters => torch.optim.SGD(parameters, 0.05, momentum: 0.9);
        options.DiscriminatorOptimizer = parameters => torch.optim.SGD(parameters, 0.02);
        options.GeneratorSchedule = new LearningRateSchedule(o => torch.optim.lr_scheduler.StepLR(o, step_size: 1, gamma: 0.5));
        options.DiscriminatorSchedule = new LearningRateSchedule(o => torch.optim.lr_scheduler.StepLR(o, step_size: 3, gamma: 0.7), discriminatorInterval);
        return options;
    }

    private static (TrainingHistory History, double GeneratorRate, double DiscriminatorRate) Train(AdversarialTrainerOptions options, out nn.Module generator, out nn.Module discriminator, int generatorSeed = 1, int discriminatorSeed = 2)
    {
        var g = TinyGan.Generator(generatorSeed);
        var d = TinyGan.Discriminator(discriminatorSeed);
        using var data = TinyGan.Data();
        using var trainer = new AdversarialTrainer(g, d, options);
        var history = trainer.Fit(data);
        generator = g;
        discriminator = d;
        return (history, trainer.GeneratorOptimizer.ParamGroups.Single().LearningRate, trainer.DiscriminatorOptimizer.ParamGroups.Single().LearningRate);
    }

    [Fact]
    public void The_optimiser_factories_and_schedules_are_used_per_epoch_and_per_step()
    {
        using var dir = new TempDirectory();
        var (history, generatorRate, discriminatorRate) = Train(SgdWithStepSchedules(dir.Path, 2, ScheduleInterval.Step), out var generator, out var discriminator);
        generator.Dispose();
        discriminator.Dispose();

        history.Rows.Should().HaveCount(2);
        generatorRate.Should().Be(0.05 * 0.5 * 0.5, "the generator's schedule halves the rate after each of the two epochs");
        discriminatorRate.Should().BeApproximately(0.02 * 0.7 * 0.7 * 0.7, 1e-15, "ten discriminator updates step its schedule ten times: three decays at steps 3, 6 and 9");
        string options = File.ReadAllText(Directory.GetFiles(Path.Combine(dir.Path, "checkpoints"), "options.json", SearchOption.AllDirectories).First());
        options.Should().Contain("\"GeneratorOptimizer\": \"SGD\"").And.Contain("\"DiscriminatorSchedule\": \"Step\"");
    }

    [Theory]
    [InlineData(ScheduleInterval.Epoch)]
    [InlineData(ScheduleInterval.Step)]
    public void Sgd_with_step_schedules_resumes_bit_identically(ScheduleInterval discriminatorInterval)
    {
        using var straightDir = new TempDirectory();
        using var resumedDir = new TempDirectory();
        var straight = Train(SgdWithStepSchedules(straightDir.Path, 3, discriminatorInterval), out var straightG, out var straightD);
        Train(SgdWithStepSchedules(resumedDir.Path, 2, discriminatorInterval), out var firstG, out var firstD);
        firstG.Dispose();
        firstD.Dispose();

        var secondLeg = SgdWithStepSchedules(resumedDir.Path, 3, discriminatorInterval);
        secondLeg.Resume = true;
        var resumed = Train(secondLeg, out var resumedG, out var resumedD, generatorSeed: 100, discriminatorSeed: 101);

        TinyGan.ShouldBeIdentical(resumedG, straightG);
        TinyGan.ShouldBeIdentical(resumedD, straightD);
        resumed.GeneratorRate.Should().Be(straight.GeneratorRate);
        resumed.DiscriminatorRate.Should().Be(straight.DiscriminatorRate);
        resumed.History.Rows.Select(r => (r.DiscriminatorLoss, r.GeneratorLoss)).Should().Equal(straight.History.Rows.Select(r => (r.DiscriminatorLoss, r.GeneratorLoss)));
        foreach (var module in new[] { straightG, straightD, resumedG, resumedD })
        {
            module.Dispose();
        }
    }
}
