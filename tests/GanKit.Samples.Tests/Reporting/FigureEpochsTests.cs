using GanKit.Samples.Dcgan.Reporting;

namespace GanKit.Samples.Tests.Reporting;

public class FigureEpochsTests
{
    [Fact]
    public void Fifty_epochs_show_the_reports_epochs() =>
        FigureEpochs.For(50).Should().Equal(20, 30, 40, 49);

    [Theory]
    [InlineData(10, new[] { 3, 5, 8, 10 })]
    [InlineData(4, new[] { 1, 2, 3, 4 })]
    [InlineData(2, new[] { 1, 2 })]
    [InlineData(1, new[] { 1 })]
    public void Other_lengths_are_evenly_spaced_and_end_at_the_last_epoch(int epochs, int[] expected) =>
        FigureEpochs.For(epochs).Should().Equal(expected);

    [Fact]
    public void Rejects_zero_epochs()
    {
        var act = () => FigureEpochs.For(0);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
