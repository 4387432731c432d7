using System.Globalization;
using GanKit.Sweeps;
using static GanKit.Sweeps.Tests.SweepTestSupport;

namespace GanKit.Sweeps.Tests;

public sealed class SweepExpansionTests
{
    private const string ThreeAxes = """
        {
          "architectures": ["original", "modified"],
          "seeds": [7, 8, 9],
          "epochs": 2,
          "grid": {
            "generatorLearningRate": [0.0002, 0.0001],
            "loss": ["NonSaturating", "Hinge", "Wasserstein"],
            "useEma": [false, true]
          }
        }
        """;

    [Fact]
    public void Expand_produces_every_combination_exactly_once()
    {
        var plan = Parse(ThreeAxes).Expand();

        plan.Runs.Should().HaveCount(2 * 2 * 3 * 2 * 3);
        var expected =
            from architecture in new[] { "original", "modified" }
            from rate in new[] { 0.0002, 0.0001 }
            from loss in new[] { "NonSaturating", "Hinge", "Wasserstein" }
            from ema in new[] { false, true }
            from seed in new long[] { 7, 8, 9 }
            select $"{architecture}|{rate.ToString(CultureInfo.InvariantCulture)}|{loss}|{ema}|{seed}";
        var actual = plan.Runs.Select(r => $"{r["architecture"].AsString()}|{r["generatorLearningRate"].AsDouble().ToString(CultureInfo.InvariantCulture)}|{r["loss"].AsString()}|{r["useEma"].AsBoolean()}|{r.Seed}");
        actual.Should().BeEquivalentTo(expected);
        actual.Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Expand_orders_list_settings_outermost_last_grid_key_fastest_and_seeds_innermost()
    {
        var runs = Parse(ThreeAxes).Expand().Runs;

        runs.Select(r => r.Number).Should().Equal(Enumerable.Range(0, runs.Count));
        runs.Take(3).Select(r => r.Seed).Should().Equal(7L, 8L, 9L);
        runs.Take(3).Select(r => r.ConfigurationId).Distinct().Should().ContainSingle();
        runs[3]["useEma"].AsBoolean().Should().BeTrue();
        runs[3]["loss"].AsString().Should().Be("NonSaturating");
        runs[6]["loss"].AsString().Should().Be("Hinge");
        runs.Take(runs.Count / 2).Should().OnlyContain(r => r["architecture"].AsString() == "original");
    }

    [Fact]
    public void Expand_is_deterministic_across_parses()
    {
        var first = Parse(ThreeAxes).Expand();
        var second = Parse(ThreeAxes).Expand();

        second.Runs.Select(r => r.Id).Should().Equal(first.Runs.Select(r => r.Id));
        second.Fingerprint.Should().Be(first.Fingerprint);
    }

    [Fact]
    public void RunIds_have_the_number_and_a_short_hash()
    {
        var runs = Parse(ThreeAxes).Expand().Runs;

        runs[7].Id.Should().MatchRegex("^run-0007-[0-9a-f]{8}$");
        runs[7].ConfigurationId.Should().MatchRegex("^cfg-[0-9a-f]{8}$");
        runs.Select(r => r.Id).Should().OnlyHaveUniqueItems();
        runs.Select(r => r.ConfigurationId).Distinct().Should().HaveCount(24);
    }

    [Fact]
    public void RunIds_do_not_depend_on_key_order_whitespace_or_culture()
    {
        const string reordered = """
            { "grid": { "generatorLearningRate": [0.0002, 0.0001] }, "fixed": { "batchSize": 16 },
              "evaluationSamples": 64, "maxBatchesPerEpoch": 2, "epochs": 1, "seeds": [1, 2],
              "architectures": ["original", "modified"], "name": "renamed" }
            """;
        var expected = Parse(SmallSweep).Expand().Runs.Select(r => r.Id).ToArray();

        var saved = CultureInfo.CurrentCulture;
        try
        {
            // A comma decimal separator must not leak into the hashed text.
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            Parse(reordered).Expand().Runs.Select(r => r.Id).Should().Equal(expected);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void RunIds_change_when_anything_that_defines_the_run_changes()
    {
        var original = Parse(SmallSweep).Expand().Runs[0].Id;
        var moreEpochs = Parse(SmallSweep.Replace("\"epochs\": 1", "\"epochs\": 2", StringComparison.Ordinal)).Expand().Runs[0].Id;
        var otherBatch = Parse(SmallSweep.Replace("\"batchSize\": 16", "\"batchSize\": 32", StringComparison.Ordinal)).Expand().Runs[0].Id;

        moreEpochs.Should().NotBe(original);
        otherBatch.Should().NotBe(original);
        moreEpochs[..8].Should().Be(original[..8], "the number part stays run-0000");
    }

    [Fact]
    public void ConfigurationLabel_names_every_varied_value()
    {
        var run = Parse(ThreeAxes).Expand().Runs[0];

        run.ConfigurationLabel.Should().Be("architecture=original, generatorLearningRate=0.0002, loss=NonSaturating, useEma=false");
        run.VariedParameters.Should().Equal("architecture", "generatorLearningRate", "loss", "useEma");
    }

    [Fact]
    public void Plan_round_trips_through_JSON()
    {
        var plan = Parse(ThreeAxes).Expand();

        var read = SweepPlan.Parse(plan.ToJson(), "plan.json");

        read.Fingerprint.Should().Be(plan.Fingerprint);
        read.Runs.Select(r => r.ConfigurationLabel).Should().Equal(plan.Runs.Select(r => r.ConfigurationLabel));
        read.Runs[5]["generatorLearningRate"].Kind.Should().Be(SweepValueKind.Number);
    }

    [Fact]
    public void Plan_edited_by_hand_is_rejected()
    {
        string json = Parse(SmallSweep).Expand().ToJson().Replace("\"seed\": 2", "\"seed\": 3", StringComparison.Ordinal);

        var act = () => SweepPlan.Parse(json, "plan.json");

        act.Should().Throw<InvalidDataException>().WithMessage("plan.json: run 1 is stored as*edited by hand*");
    }

    [Fact]
    public void Folder_refuses_a_different_sweep()
    {
        var folder = new SweepFolder(NewDirectory());
        folder.Initialize(Parse(SmallSweep).Expand());
        folder.Initialize(Parse(SmallSweep).Expand());

        var act = () => folder.Initialize(Parse(ThreeAxes).Expand());

        act.Should().Throw<InvalidOperationException>().WithMessage("*already holds the sweep 'small' (8 runs*Use a new output folder*");
    }
}
