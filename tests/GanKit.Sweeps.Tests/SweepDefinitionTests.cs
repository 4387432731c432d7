using GanKit.Sweeps;
using static GanKit.Sweeps.Tests.SweepTestSupport;

namespace GanKit.Sweeps.Tests;

public sealed class SweepDefinitionTests
{
    [Fact]
    public void Parse_reads_every_key()
    {
        var definition = Parse(SmallSweep);

        definition.Name.Should().Be("small");
        definition.Seeds.Should().Equal(1L, 2L);
        definition.Grid.Select(axis => axis.Key).Should().Equal(["architecture", "generatorLearningRate"], "a list setting varies before the grid");
        definition.Grid[0].Value.Select(v => v.AsString()).Should().Equal("original", "modified");
        definition.Grid[1].Value.Select(v => v.AsDouble()).Should().Equal(0.0002, 0.0001);
        definition.FixedParameters.Select(p => $"{p.Key}={p.Value}").Should().BeEquivalentTo("epochs=1", "maxBatchesPerEpoch=2", "evaluationSamples=64", "batchSize=16");
        definition.ParameterKinds["epochs"].Should().Be(SweepValueKind.Integer);
        definition.RunCount.Should().Be(8);
        definition.ConfigurationCount.Should().Be(4);
    }

    [Fact]
    public void Parse_applies_defaults_for_optional_keys()
    {
        var definition = SweepDefinition.Parse("""{ "architectures": ["original"], "seeds": [3], "epochs": 2 }""", Schema, "/tmp/my-sweep.json");

        definition.Name.Should().Be("my-sweep");
        definition.FixedParameters.Should().NotContain(p => p.Key == "maxBatchesPerEpoch", "an optional setting without a default stays unset");
        definition.ParameterKinds.Should().NotContainKey("maxBatchesPerEpoch");
        definition.FixedParameters.Should().ContainSingle(p => p.Key == "evaluationSamples").Which.Value.AsInt64().Should().Be(DefaultEvaluationSamples);
        definition.Grid.Should().ContainSingle("only the list setting varies").Which.Key.Should().Be("architecture");
        definition.RunCount.Should().Be(1);
    }

    [Fact]
    public void Parse_canonicalises_choices_and_architectures()
    {
        var definition = Parse("""{ "architectures": ["MODIFIED"], "seeds": [1], "epochs": 1, "grid": { "loss": ["hinge", "nonsaturating"] } }""");

        definition.Grid[0].Value.Select(v => v.AsString()).Should().Equal("modified");
        definition.Grid[1].Value.Select(v => v.AsString()).Should().Equal("Hinge", "NonSaturating");
    }

    [Theory]
    [InlineData("""{ "architectures": ["original"], "seeds": [1], "epochs": 1, "epoch": 3 }""", "$.epoch", "unknown key 'epoch'")]
    [InlineData("""{ "architectures": ["original"], "seeds": [1], "epochs": 1, "grid": { "learningRate": [0.1] } }""", "$.grid.learningRate", "unknown parameter 'learningRate'")]
    [InlineData("""{ "architectures": ["original"], "seeds": [1], "epochs": 1, "grid": { } }""", "$.grid", "the grid is empty")]
    [InlineData("""{ "architectures": ["original"], "seeds": [1], "epochs": 1, "grid": { "loss": [] } }""", "$.grid.loss", "is empty")]
    [InlineData("""{ "architectures": ["original"], "seeds": [1], "epochs": -3 }""", "$.epochs", "must be at least 1, got -3")]
    [InlineData("""{ "architectures": ["original"], "seeds": [1], "epochs": "five" }""", "$.epochs", "expected a whole number for 'epochs', got the string \"five\"")]
    [InlineData("""{ "architectures": ["original"], "seeds": [], "epochs": 1 }""", "$.seeds", "the list is empty")]
    [InlineData("""{ "architectures": [], "seeds": [1], "epochs": 1 }""", "$.architectures", "the list is empty")]
    [InlineData("""{ "architectures": ["resnet"], "seeds": [1], "epochs": 1 }""", "$.architectures[0]", "'resnet' is not a valid 'architecture'; expected one of: original, modified")]
    [InlineData("""{ "architectures": ["original", "ORIGINAL"], "seeds": [1], "epochs": 1 }""", "$.architectures[1]", "the value original is listed twice for 'architecture' (first at [0])")]
    [InlineData("""{ "architectures": "original", "seeds": [1], "epochs": 1 }""", "$.architectures", "expected a list of values for 'architectures'")]
    [InlineData("""{ "architectures": ["original"], "seeds": [1], "epochs": 2, "fixed": { "epochs": 1 } }""", "$.fixed.epochs", "'epochs' is a top-level setting of this sweep file; write \"epochs\" beside \"seeds\", not under fixed")]
    [InlineData("""{ "architectures": ["original"], "seeds": [1] }""", "$.epochs", "the required key 'epochs' is missing")]
    [InlineData("""{ "seeds": [1], "epochs": 1 }""", "$.architectures", "required key 'architectures' is missing")]
    [InlineData("""{ "architectures": ["original"], "seeds": [1, 1], "epochs": 1 }""", "$.seeds[1]", "the seed 1 is listed twice")]
    [InlineData("""{ "architectures": ["original"], "seeds": [1.5], "epochs": 1 }""", "$.seeds[0]", "a seed must be a whole number")]
    [InlineData("""{ "architectures": ["original"], "seeds": [1], "epochs": 1, "grid": { "generatorLearningRate": [0.1, "fast"] } }""", "$.grid.generatorLearningRate[1]", "expected a number for 'generatorLearningRate', got the string \"fast\"")]
    [InlineData("""{ "architectures": ["original"], "seeds": [1], "epochs": 1, "grid": { "generatorLearningRate": [0] } }""", "$.grid.generatorLearningRate[0]", "must be above 0")]
    [InlineData("""{ "architectures": ["original"], "seeds": [1], "epochs": 1, "grid": { "emaDecay": [0.99, 1] } }""", "$.grid.emaDecay[1]", "'emaDecay' must be below 1, got 1")]
    [InlineData("""{ "architectures": ["original"], "seeds": [1], "epochs": 1, "grid": { "batchSize": [64.5] } }""", "$.grid.batchSize[0]", "expected a whole number for 'batchSize'")]
    [InlineData("""{ "architectures": ["original"], "seeds": [1], "epochs": 1, "grid": { "batchSize": 64 } }""", "$.grid.batchSize", "a grid parameter takes a list of values")]
    [InlineData("""{ "architectures": ["original"], "seeds": [1], "epochs": 1, "grid": { "loss": ["Hinge", "hinge"] } }""", "$.grid.loss[1]", "listed twice")]
    [InlineData("""{ "architectures": ["original"], "seeds": [1], "epochs": 1, "grid": { "loss": ["LeastSquares"] } }""", "$.grid.loss[0]", "'LeastSquares' is not a valid 'loss'; expected one of: NonSaturating, Hinge, Wasserstein")]
    [InlineData("""{ "architectures": ["original"], "seeds": [1], "epochs": 1, "grid": { "useEma": ["yes"] } }""", "$.grid.useEma[0]", "expected true or false")]
    [InlineData("""{ "architectures": ["original"], "seeds": [1], "epochs": 1, "fixed": { "batchSize": 8 }, "grid": { "batchSize": [16] } }""", "$.grid.batchSize", "set under \"fixed\" and varied under \"grid\"")]
    [InlineData("""{ "architectures": ["original"], "seeds": [1], "epochs": 1, "epochs": 2 }""", "$.epochs", "appears twice")]
    [InlineData("""{ "architectures": ["original"], "seeds": [1], "epochs": 1, "batchSize": 8 }""", "$.batchSize", "put it under \"fixed\" or \"grid\"")]
    [InlineData("""[1, 2]""", "$", "must be a JSON object")]
    public void Parse_rejects_bad_files_naming_key_and_value(string json, string path, string problem)
    {
        var act = () => Parse(json);

        var error = act.Should().Throw<SweepDefinitionException>().Which;
        error.JsonPath.Should().Be(path);
        error.Problem.Should().Contain(problem);
        error.Message.Should().StartWith($"test.sweep.json: {path}: ");
    }

    [Fact]
    public void Parse_suggests_the_nearest_name_for_a_typo()
    {
        var act = () => Parse("""{ "architectures": ["original"], "seeds": [1], "epochs": 1, "grid": { "generatorLearningrate": [0.1] } }""");

        act.Should().Throw<SweepDefinitionException>().WithMessage("*did you mean 'generatorLearningRate'?*");
    }

    [Fact]
    public void Parse_reports_the_line_of_malformed_JSON()
    {
        var act = () => Parse("{\n \"architectures\": [\"original\"],\n \"seeds\": [1\n}");

        act.Should().Throw<SweepDefinitionException>().Which.JsonPath.Should().StartWith("line ");
    }

    [Fact]
    public void Load_names_a_missing_file()
    {
        string path = Path.Combine(NewDirectory(), "absent.json");

        var act = () => SweepDefinition.Load(path, Schema);

        act.Should().Throw<FileNotFoundException>().WithMessage($"*{path}*");
    }

    [Fact]
    public void Schema_rejects_reserved_and_duplicate_names()
    {
        var reserved = () => new SweepSchema([], [SweepSetting.Required(SweepParameter.Integer("seeds"))]);
        var duplicate = () => new SweepSchema([SweepParameter.Integer("batchSize"), SweepParameter.Integer("batchSize")]);
        var both = () => new SweepSchema([SweepParameter.Integer("epochs")], [SweepSetting.Required(SweepParameter.Integer("epochs"))]);
        var wrongDefault = () => SweepSetting.Optional(SweepParameter.Integer("epochs"), SweepValue.FromString("many"));

        reserved.Should().Throw<ArgumentException>().WithMessage("*'seeds'*reserves*");
        duplicate.Should().Throw<ArgumentException>().WithMessage("*'batchSize' is declared twice*");
        both.Should().Throw<ArgumentException>().WithMessage("*'epochs' is also declared as a parameter*");
        wrongDefault.Should().Throw<ArgumentException>().WithMessage("*default many*String*Integer*");
    }

    [Fact]
    public void Parse_without_settings_needs_only_seeds()
    {
        var schema = new SweepSchema([SweepParameter.Number("lr", minimum: 0, exclusive: true)]);

        var plan = SweepDefinition.Parse("""{ "seeds": [1, 2], "grid": { "lr": [0.1, 0.01] } }""", schema, "plain.json").Expand();

        plan.Runs.Should().HaveCount(4);
        plan.Runs[0].ConfigurationLabel.Should().Be("lr=0.1");
        plan.Runs[0].Parameters.Should().ContainSingle();
    }

    [Theory]
    [InlineData(2000, 2000, 2000, "8000000000 runs (1 architecture x 2000 generatorLearningRate x 2000 discriminatorLearningRate x 2000 batchSize x 1 seeds)")]
    [InlineData(1024, 1024, 4096, "4294967296 runs")]
    [InlineData(1000, 1000, 1, "1000000 runs")]
    public void Parse_refuses_a_plan_above_the_limit_naming_its_size(int rates, int discriminatorRates, int batchSizes, string expected)
    {
        string json = $$"""
            { "architectures": ["original"], "seeds": [1], "epochs": 1, "grid": {
              "generatorLearningRate": [{{Values(rates, i => $"{i + 1}e-6")}}],
              "discriminatorLearningRate": [{{Values(discriminatorRates, i => $"{i + 1}e-6")}}],
              "batchSize": [{{Values(batchSizes, i => $"{i + 1}")}}] } }
            """;

        var act = () => Parse(json);

        var error = act.Should().Throw<SweepDefinitionException>().Which;
        error.JsonPath.Should().Be("$");
        error.Problem.Should().Contain(expected).And.Contain($"more than the limit of {SweepDefinition.MaxRunCount} runs per sweep");
        error.Message.Should().NotContain("\n");
    }

    [Fact]
    public void Parse_accepts_a_plan_at_the_limit_and_counts_in_64_bits()
    {
        // 2 architectures x 50,000 rates x 1 seed: exactly the limit.
        string json = $$"""{ "architectures": ["original", "modified"], "seeds": [1], "epochs": 1, "grid": { "generatorLearningRate": [{{Values(50_000, i => $"{i + 1}e-7")}}] } }""";

        var definition = Parse(json);

        definition.RunCount.Should().Be(SweepDefinition.MaxRunCount);
        SweepDefinition.CountConfigurations([1 << 20, 1 << 20, 1 << 20, 1 << 20]).Should().Be(long.MaxValue, "a product beyond 64 bits saturates instead of wrapping");
        SweepDefinition.CountConfigurations([1024, 1024, 4096]).Should().Be(4_294_967_296L);
    }

    [Fact]
    public void Parse_finds_a_duplicate_among_twenty_thousand_values_quickly()
    {
        // The last value repeats the first. A scan of the list for every value took most of a
        // minute here; a set takes milliseconds. The bound is a loose guard against going back to
        // quadratic time, not a benchmark.
        string json = $$"""{ "architectures": ["original"], "seeds": [1], "epochs": 1, "grid": { "generatorLearningRate": [{{Values(20_000, i => $"{i + 1}e-6")}}, 1e-6] } }""";
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var act = () => Parse(json);

        act.Should().Throw<SweepDefinitionException>().Which.Problem.Should().Be("the value 1E-06 is listed twice for 'generatorLearningRate' (first at [0])");
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
    }

    private static string Values(int count, Func<int, string> value) => string.Join(", ", Enumerable.Range(0, count).Select(value));
}
