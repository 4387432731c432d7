using GanKit.TestSupport;
using GanKit.Tests.TestSupport;
using GanKit.Training;

namespace GanKit.Tests.Training;

public sealed class TrainingHistoryTests
{
    private static readonly TrainingHistoryRow First = new(1, 235, 1.25, 0.75, 0.6, 0.4, 12.5, 4800.0);
    private static readonly TrainingHistoryRow Second = new(2, 470, 1.125, 0.8125, 0.55, 0.45, 11.0, 5454.5454545454545);

    [Fact]
    public void Csv_has_the_header_and_one_invariant_line_per_epoch()
    {
        using var dir = new TempDirectory();
        var history = new TrainingHistory(new[] { First, Second });
        string path = dir.Combine("metrics.csv");
        history.WriteCsv(path);

        var lines = File.ReadAllLines(path);
        lines.Should().HaveCount(3);
        lines[0].Should().Be("epoch,step,d_loss,g_loss,d_real,d_fake,seconds,images_per_second,generator_steps");
        lines[1].Should().Be("1,235,1.25,0.75,0.6,0.4,12.5,4800,0");
        lines[2].Split(',').Should().HaveCount(9);
        double.Parse(lines[2].Split(',')[7], System.Globalization.CultureInfo.InvariantCulture).Should().Be(Second.ImagesPerSecond);
    }

    [Fact]
    public void Json_round_trips_exactly()
    {
        using var dir = new TempDirectory();
        var history = new TrainingHistory(new[] { First, Second });
        string path = dir.Combine("history.json");
        history.WriteJson(path);

        TrainingHistory.ReadJson(path).Rows.Should().Equal(First, Second);
        File.ReadAllText(path).Should().Contain("\"discriminatorLoss\"");
        Directory.GetFiles(dir.Path).Should().ContainSingle("no temporary file is left beside the history");
    }

    [Fact]
    public void Rows_must_come_in_epoch_order()
    {
        var history = new TrainingHistory();
        history.Add(Second);
        FluentActions.Invoking(() => history.Add(First)).Should().Throw<ArgumentException>().WithMessage("*epoch 1 follows epoch 2*");
    }

    [Fact]
    public void A_file_that_is_not_a_history_is_reported()
    {
        using var dir = new TempDirectory();
        string path = dir.Combine("history.json");
        File.WriteAllText(path, "{ not json");
        FluentActions.Invoking(() => TrainingHistory.ReadJson(path)).Should().Throw<InvalidDataException>().WithMessage("*history.json*");
    }
}
