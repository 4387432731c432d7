using GanKit.Regularization;
using GanKit.TestSupport;
using GanKit.Tests.TestSupport;
using GanKit.Training;
using TorchSharp;

namespace GanKit.Tests.Training;

// TorchSharp's live-tensor count is process-wide: nothing else may create tensors meanwhile.
[Collection(NonParallelCollection.Name)]
public sealed class AdversarialTrainerLeakTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_live_tensor_count_stays_flat_across_fifty_steps(bool conditional)
    {
        // Tensors earlier tests left to the garbage collector would otherwise be finalised in the
        // middle of the measurement and lower the count; this test's own leaks still show.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var dir = new TempDirectory();
        var options = TinyGan.Options(dir.Path);
        options.Epochs = 1;
        options.LogEvery = 10;
        options.Penalty = new GradientPenalty();
        options.EmaDecay = 0.5;
        // The conditional pair draws fake labels and binds real ones for the penalty each step.
        using var labelled = conditional ? TinyConditionalGan.Data(count: 8 * 60) : null;
        using var plain = conditional ? null : TinyGan.Data(count: 8 * 60);
        GanKit.Data.IImageDataset data = (GanKit.Data.IImageDataset?)labelled ?? plain!;
        using var trainer = conditional
            ? new AdversarialTrainer(TinyConditionalGan.Generator(), TinyConditionalGan.ProjectionDiscriminator(), options)
            : new AdversarialTrainer(TinyGan.Generator(), TinyGan.Discriminator(), options);
        var global = new Dictionary<long, long>();
        var thread = new Dictionary<long, long>();
        trainer.StepCompleted += (_, e) =>
        {
            if (e.Step is 10 or 60)
            {
                global[e.Step] = torch.Tensor.TotalCount;
                thread[e.Step] = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
            }
        };

        trainer.Fit(data);

        global.Should().ContainKeys(10, 60);
        global[60].Should().Be(global[10], "every step's tensors are released by its dispose scope");
        thread[60].Should().Be(thread[10]);
    }
}
