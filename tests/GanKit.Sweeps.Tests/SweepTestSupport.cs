using System.Text.Json;
using GanKit.Sweeps;

namespace GanKit.Sweeps.Tests;

/// <summary>A schema like the sample's (its settings included), metrics, and helpers to build sweep folders.</summary>
internal static class SweepTestSupport
{
    public static SweepSchema Schema { get; } = new(
        [
            SweepParameter.Number("generatorLearningRate", minimum: 0, exclusive: true),
            SweepParameter.Number("discriminatorLearningRate", minimum: 0, exclusive: true),
            SweepParameter.Integer("batchSize", minimum: 1),
            SweepParameter.Choice("loss", ["NonSaturating", "Hinge", "Wasserstein"]),
            SweepParameter.Boolean("useEma"),
            SweepParameter.Number("emaDecay", minimum: 0, maximum: 1, maximumExclusive: true),
        ],
        [
            SweepSetting.List("architectures", SweepParameter.Choice("architecture", ["original", "modified"])),
            SweepSetting.Required(SweepParameter.Integer("epochs", minimum: 1)),
            SweepSetting.Optional(SweepParameter.Integer("maxBatchesPerEpoch", minimum: 1)),
            SweepSetting.Optional(SweepParameter.Integer("evaluationSamples", minimum: 1), SweepValue.FromInteger(DefaultEvaluationSamples)),
        ]);

    public const int DefaultEvaluationSamples = 10_000;

    /// <summary>What the stand-in summaries hold, FID first (the default ranking).</summary>
    public static IReadOnlyList<SweepMetric> Metrics { get; } =
    [
        new("fid", "FID", higherIsBetter: false),
        new("kid", "KID", higherIsBetter: false),
        new("classifier_score", "Score", higherIsBetter: true),
        new("precision", "Precision", higherIsBetter: true),
        new("recall", "Recall", higherIsBetter: true),
    ];

    public static SweepRunnerOptions Options() => new() { Metrics = Metrics };

    public static SweepDefinition Parse(string json) => SweepDefinition.Parse(json, Schema, "test.sweep.json");

    /// <summary>2 architectures x 2 learning rates x 2 seeds = 8 runs, 4 configurations.</summary>
    public const string SmallSweep = """
        {
          "name": "small",
          "architectures": ["original", "modified"],
          "seeds": [1, 2],
          "epochs": 1,
          "maxBatchesPerEpoch": 2,
          "evaluationSamples": 64,
          "fixed": { "batchSize": 16 },
          "grid": { "generatorLearningRate": [0.0002, 0.0001] }
        }
        """;

    public static string NewDirectory()
    {
        string path = Path.Combine(Path.GetTempPath(), "gankit-sweep-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    public static void WriteSummary(string runDirectory, double fid, double kid = 0.1, double score = 5, double precision = 0.5, double recall = 0.5)
    {
        Directory.CreateDirectory(runDirectory);
        File.WriteAllText(Path.Combine(runDirectory, SweepRunContext.SummaryFileName), JsonSerializer.Serialize(new Dictionary<string, double>
        {
            ["fid"] = fid,
            ["kid"] = kid,
            ["classifier_score"] = score,
            ["precision"] = precision,
            ["recall"] = recall,
        }));
    }
}
