using GanKit.Samples.Dcgan.Imaging;
using GanKit.Samples.Dcgan.Runs;
using GanKit.TestSupport;

namespace GanKit.Samples.Tests.Runs;

public class LossLogTests
{
    [Fact]
    public void Points_survive_a_resume_and_a_rewind_drops_what_the_checkpoint_never_saw()
    {
        using var folder = new TempDirectory();
        var first = LossLog.Open(folder.Path, keepExisting: false);
        for (int step = 1; step <= 5; step++)
        {
            first.Add(new LossPoint(step, 1.0 / step, step));
        }

        first.Save();

        // The run resumes from a checkpoint at step 3: steps 4 and 5 are trained again.
        var resumed = LossLog.Open(folder.Path, keepExisting: true);
        resumed.Points.Should().HaveCount(5);
        resumed.Add(new LossPoint(4, 0.9, 9));
        resumed.Points.Select(p => p.X).Should().Equal(1, 2, 3, 4);
        resumed.Points[^1].GeneratorLoss.Should().Be(9);
        resumed.Points[0].DiscriminatorLoss.Should().Be(1.0, "values are written round-trippable");
    }

    [Fact]
    public void A_fresh_run_ignores_an_old_log()
    {
        using var folder = new TempDirectory();
        var old = LossLog.Open(folder.Path, keepExisting: false);
        old.Add(new LossPoint(1, 1, 1));
        old.Save();

        LossLog.Open(folder.Path, keepExisting: false).Points.Should().BeEmpty();
    }
}
