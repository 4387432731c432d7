using GanKit.Samples.Dcgan.ConsoleUi;

namespace GanKit.Samples.Tests.ConsoleUi;

public class PlainProgressDisplayTests
{
    /// <summary>A clock that moves only when told to.</summary>
    private sealed class ManualClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }

    private static ProgressSnapshot Step(long step, int epoch = 1) => new(epoch, Epochs: 2, step, TotalSteps: 20, DiscriminatorLoss: 0.5, GeneratorLoss: 1.25);

    [Fact]
    public void Prints_the_first_step_epoch_ends_and_otherwise_at_most_one_line_per_interval()
    {
        var clock = new ManualClock();
        var output = new StringWriter();
        var display = new PlainProgressDisplay(output, clock);

        display.Show(["original seed 1"], runs =>
        {
            var run = runs[0];
            for (long step = 1; step <= 20; step++)
            {
                run.Report(Step(step, epoch: step <= 10 ? 1 : 2));
                clock.Advance(TimeSpan.FromSeconds(3));
            }

            return 0;
        });

        var lines = output.ToString().TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        // Step 1; 5 and 9 (12 s after the previous line); 11 (new epoch, which restarts the
        // interval); 15 and 19; 20 (end of the run).
        lines.Select(l => l.Split(' ')[6]).Should().Equal("1/20", "5/20", "9/20", "11/20", "15/20", "19/20", "20/20");
        lines[0].Should().Be("original seed 1: epoch 1/2 step 1/20 (5%) D 0.500 G 1.250 elapsed 0:00 eta ?");
        // 19 steps in 57 s after the first one: 3 s per step, none left.
        lines[^1].Should().Be("original seed 1: epoch 2/2 step 20/20 (100%) D 0.500 G 1.250 elapsed 0:57 eta 0:00");
    }

    [Fact]
    public void Eta_is_remaining_steps_times_the_measured_step_time()
    {
        var run = new PlainProgressDisplay.Run(TextWriter.Null, new ManualClock(), "x");
        run.Report(Step(1));

        // Four steps since the first one (steps 2..5) in 8 s: 2 s each, 15 steps left.
        run.Format(Step(5), TimeSpan.FromSeconds(8)).Should().EndWith("elapsed 0:08 eta 0:30");
    }

    [Fact]
    public void Losses_not_yet_reported_show_as_a_dash()
    {
        var run = new PlainProgressDisplay.Run(TextWriter.Null, new ManualClock(), "x");
        var first = new ProgressSnapshot(1, Epochs: 2, Step: 1, TotalSteps: 20, DiscriminatorLoss: double.NaN, GeneratorLoss: double.NaN);
        run.Report(first);

        run.Format(first, TimeSpan.Zero).Should().Contain("D – G –");
        run.Format(first with { DiscriminatorLoss = 0.25 }, TimeSpan.Zero).Should().Contain("D 0.250 G –");
    }
}
