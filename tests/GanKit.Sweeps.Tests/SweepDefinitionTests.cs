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
        definition.Architectures.Should().Equal("original", "modified");
        definition.Seeds.Should().Equal(1L, 2L);
        definition.Epochs.Should().Be(1);
        definition.MaxBatchesPerEpoch.Should().Be(2);
        definition.EvaluationSamples.Should().Be(64);
        definition.FixedParameters.Should().ContainSingle().Which.Value.AsInt64().Should().Be(16);
        definition.Grid.Should().ContainSingle().Which.Value.Select(v => v.AsDouble()).Should().Equal(0.0002, 0.0001);
        definition.RunCount.Should().Be(8);
        definition.ConfigurationCount.Should().Be(4);
    }

    [Fact]
    public void Parse_applies_defaults_for_optional_keys()
    {
        var definition = SweepDefinition.Parse("""{ "architectures": ["original"], "seeds": [3], "epochs": 2 }""", Schema, "/tmp/my-sweep.json");

        definition.Name.Should().Be("my-sweep");
        definition.MaxBatchesPerEpoch.Should().BeNull();
        definition.EvaluationSamples.Should().Be(SweepDefinition.DefaultEvaluationSamples);
        definition.Grid.Should().BeEmpty();
        definition.RunCount.Should().Be(1);
    }

    [Fact]
    public void Parse_canonicalises_choices_and_architectures()
    {
        var definition = Parse("""{ "architectures": ["MODIFIED"], "seeds": [1], "epochs": 1, "grid": { "loss": ["hinge", "nonsaturating"] } }""");

        definition.Architectures.Should().Equal("modified");
        definition.Grid[0].Value.Select(v => v.AsString()).Should().Equal("Hinge", "NonSaturating");
    }

    [Theory]
    [InlineData("""{ "architectures": ["original"], "seeds": [1], "epochs": 1, "epoch": 3 }""", "$.epoch", "unknown key 'epoch'")]
    [InlineData("""{ "architectures": ["original"], "seeds": [1], "epochs": 1, "grid": { "learningRate": [0.1] } }""", "$.grid.learningRate", "unknown parameter 'learningRate'")]
    [InlineData("""{ "architectures": ["original"], "seeds": [1], "epochs": 1, "grid": { } }""", "$.grid", "the grid is empty")]
    [InlineData("""{ "architectures": ["original"], "seeds": [1], "epochs": 1, "grid": { "loss": [] } }""", "$.grid.loss", "is empty")]
    [InlineData("""{ "architectures": ["original"], "seeds": [1], "epochs": -3 }""", "$.epochs", "must be at least 1, got -3")]
    [InlineData("""{ "architectures": ["original"], "seeds": [1], "epochs": "five" }""", "$.epochs", "expected a whole number, got the string \"five\"")]
    [InlineData("""{ "architectures": ["original"], "seeds": [], "epochs": 1 }""", "$.seeds", "the list is empty")]
    [InlineData("""{ "architectures": [], "seeds": [1], "epochs": 1 }""", "$.architectures", "the list is empty")]
    [InlineData("""{ "architectures": ["resnet"], "seeds": [1], "epochs": 1 }""", "$.architectures[0]", "unknown architecture 'resnet'")]
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
        var reserved = () => new SweepSchema([SweepParameter.Integer("epochs")]);
        var duplicate = () => new SweepSchema([SweepParameter.Integer("batchSize"), SweepParameter.Integer("batchSize")]);

        reserved.Should().Throw<ArgumentException>().WithMessage("*'epochs'*top-level*");
        duplicate.Should().Throw<ArgumentException>().WithMessage("*'batchSize' is declared twice*");
    }
}
