using GanKit.Data;
using GanKit.Networks;
using GanKit.Tests.Data;
using GanKit.TestSupport;
using GanKit.Tests.TestSupport;
using GanKit.Training;

namespace GanKit.Tests.Training;

// Runs alone: the comparisons rely on torch's process-wide random stream.
[Collection(NonParallelCollection.Name)]
public sealed class StreamingFitTests
{
    private static (GeneratorNetwork G, DiscriminatorNetwork D) TrainInMemory(ImageFolderDataset dataset, string output)
    {
        var g = TinyGan.Generator();
        var d = TinyGan.Discriminator();
        using var images = dataset.ToTensorDataset();
        using var trainer = new AdversarialTrainer(g, d, TinyGan.Options(output));
        trainer.Fit(images);
        return (g, d);
    }

    [Fact]
    public void A_streamed_run_ends_bit_identical_to_the_same_images_in_memory_and_leaves_no_thread()
    {
        using var dir = new TempDirectory();
        using var dataset = StreamingBatchSourceTests.GrayFolder(dir, 40);
        var (memoryG, memoryD) = TrainInMemory(dataset, dir.Combine("memory"));

        var g = TinyGan.Generator();
        var d = TinyGan.Discriminator();
        using var source = new StreamingBatchSource(dataset, new BatchSourceOptions { Workers = 2, PrefetchBatches = 2 });
        var liveDuringSteps = new List<int>();
        using (var trainer = new AdversarialTrainer(g, d, TinyGan.Options(dir.Combine("streamed"))))
        {
            trainer.StepCompleted += (_, _) => liveDuringSteps.Add(source.LiveWorkers);
            trainer.Fit(source).Rows.Should().HaveCount(2);
        }

        TinyGan.ShouldBeIdentical(g, memoryG);
        TinyGan.ShouldBeIdentical(d, memoryD);
        liveDuringSteps.Should().Contain(n => n > 0, "batches were decoded on background threads");
        source.LiveWorkers.Should().Be(0);
        source.LastEpochThreads.Should().OnlyContain(t => !t.IsAlive);
    }

    [Fact]
    public void A_streamed_run_cancelled_mid_epoch_stops_its_threads_and_resumes_bit_identically()
    {
        using var dir = new TempDirectory();
        using var dataset = StreamingBatchSourceTests.GrayFolder(dir, 40);
        var (straightG, straightD) = TrainInMemory(dataset, dir.Combine("straight"));

        var options = TinyGan.Options(dir.Combine("run"));
        using var source = new StreamingBatchSource(dataset, new BatchSourceOptions { Workers = 2, PrefetchBatches = 4 });
        using var cancellation = new CancellationTokenSource();
        using (var trainer = new AdversarialTrainer(TinyGan.Generator(), TinyGan.Discriminator(), options))
        {
            trainer.StepCompleted += (_, e) =>
            {
                if (e.Step == 7)
                {
                    cancellation.Cancel();
                }
            };
            FluentActions.Invoking(() => trainer.Fit(source, cancellationToken: cancellation.Token)).Should().Throw<OperationCanceledException>();
        }

        source.LiveWorkers.Should().Be(0, "cancellation stops the decoding threads before Fit returns");
        source.LastEpochThreads.Should().OnlyContain(t => !t.IsAlive);

        options.Resume = true;
        var g = TinyGan.Generator(seed: 50);
        var d = TinyGan.Discriminator(seed: 51);
        long decodedBefore = dataset.DecodeCount;
        using (var trainer = new AdversarialTrainer(g, d, options))
        {
            var steps = new List<long>();
            trainer.StepCompleted += (_, e) => steps.Add(e.Step);
            trainer.Fit(source).Rows.Should().HaveCount(2);
            steps.Should().Equal(8, 9, 10);
        }

        (dataset.DecodeCount - decodedBefore).Should().Be(24, "the two done batches of epoch 2 (16 images) are not decoded again");
        TinyGan.ShouldBeIdentical(g, straightG);
        TinyGan.ShouldBeIdentical(d, straightD);
        source.LiveWorkers.Should().Be(0);
    }
}
