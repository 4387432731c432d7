using GanKit.Networks;

namespace GanKit.Tests.Networks;

public sealed class SummaryTableTests
{
    private static readonly LayerSummary[] Rows =
    [
        new(0, "layers.0", "Dense", [100], [12544], 1_254_400, 0, 1_254_400, 5_017_600),
        new(1, "layers.1", "BatchNorm", [12544], [12544], 25_088, 25_088, 0, 200_712),
        new(2, "layers.2", "Reshape", [12544], [256, 7, 7], 0, 0, 0, 0),
    ];

    [Fact]
    public void Formats_a_row_per_layer_with_memory_and_totals_from_the_rows_alone()
    {
        string[] lines = SummaryTable.Format("GeneratorNetwork", [100], Rows).Split(Environment.NewLine);

        lines[0].Should().Be("GeneratorNetwork, input [100]");
        lines[1].Should().StartWith("Layer (kind)").And.Contain("Param memory").And.EndWith("MACs");
        lines.Should().Contain(line => line.StartsWith("layers.0 (Dense)", StringComparison.Ordinal) && line.Contains("1,254,400") && line.Contains("4.79 MB"));
        lines.Should().Contain(line => line.StartsWith("layers.2 (Reshape)", StringComparison.Ordinal) && line.Contains("[256, 7, 7]") && line.Contains("0 B"));
        lines.Should().Contain("Trainable parameters: 1,279,488");
        lines.Should().Contain("Non-trainable parameters: 25,088");
        lines.Should().Contain("Total parameters: 1,304,576 (4.98 MB)");
        lines[^1].Should().Be("Multiply-accumulates per sample: 1,254,400");
    }

    [Fact]
    public void Aligns_every_row_to_the_header_columns()
    {
        string[] lines = SummaryTable.Format("D", [1, 28, 28], Rows).Split(Environment.NewLine);
        int width = lines[2].Length;

        lines[2].Should().MatchRegex("^-+$");
        lines.Skip(3).Take(Rows.Length).Should().OnlyContain(line => line.Length == width, "numbers are right-aligned to the rule's end");
    }
}
