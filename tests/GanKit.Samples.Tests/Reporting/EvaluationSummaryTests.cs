using System.Text.Json.Nodes;
using GanKit.Samples.Dcgan.Reporting;
using static GanKit.Samples.Tests.Reporting.SummaryFixtures;

namespace GanKit.Samples.Tests.Reporting;

public class EvaluationSummaryTests
{
    [Fact]
    public void Json_has_the_documented_snake_case_keys_and_round_trips()
    {
        var summary = Summary(fid: 12.5, kid: 0.0031, score: 9.1, precision: 0.8, recall: 0.55, perDigitFid: 20);

        string json = summary.ToJson(new Dictionary<string, JsonNode?> { ["arch"] = "modified", ["seed"] = 2 });
        var root = JsonNode.Parse(json)!.AsObject();

        root.Select(p => p.Key).Should().Equal("arch", "seed", "fid", "kid", "classifier_score", "precision", "recall", "per_digit");
        root["per_digit"]!.AsArray()[1]!["digit"]!.GetValue<int>().Should().Be(1);
        var back = EvaluationSummary.Parse(json, "summary.json");
        back.Fid.Should().Be(12.5);
        back.Kid.Should().Be(0.0031);
        back.ClassifierScore.Should().Be(9.1);
        back.Precision.Should().Be(0.8);
        back.Recall.Should().Be(0.55);
        back.PerDigit.Should().HaveCount(2);
        back.PerDigit[1].Values.Should().Equal(new KeyValuePair<string, double>("fid", 21), new KeyValuePair<string, double>("share", 0.12));
    }

    [Fact]
    public void A_missing_metric_is_reported_with_its_key_and_source()
    {
        var act = () => EvaluationSummary.Parse("""{"fid": 1, "kid": 2, "precision": 3, "recall": 4, "per_digit": []}""", "runs/a/summary.json");

        act.Should().Throw<InvalidDataException>().WithMessage("runs/a/summary.json*\"classifier_score\"*");
    }

    [Fact]
    public void Loading_a_missing_file_names_it()
    {
        var act = () => EvaluationSummary.Load("/nonexistent/summary.json");

        act.Should().Throw<FileNotFoundException>().WithMessage("*/nonexistent/summary.json*");
    }
}
