using System.Text.Json;

namespace GanKit.Sweeps;

public sealed partial class SweepDefinition
{
    /// <summary>Reads and checks a sweep file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="schema">The parameters and architectures the application accepts.</param>
    /// <returns>The checked definition.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="SweepDefinitionException">The file breaks the schema; the message names the key and the value.</exception>
    public static SweepDefinition Load(string path, SweepSchema schema)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The sweep file {path} does not exist.", path);
        }

        return Parse(File.ReadAllText(path), schema, path);
    }

    /// <summary>Checks sweep JSON text.</summary>
    /// <param name="json">The text.</param>
    /// <param name="schema">The parameters and architectures the application accepts.</param>
    /// <param name="source">The name used in error messages, usually the file path; its file name is the default sweep name.</param>
    /// <returns>The checked definition.</returns>
    /// <exception cref="SweepDefinitionException">The text breaks the schema; the message names the key and the value.</exception>
    public static SweepDefinition Parse(string json, SweepSchema schema, string source = "sweep")
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(schema);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new SweepDefinitionException(source, $"line {(ex.LineNumber ?? 0) + 1}", $"not valid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            return new Reader(schema, source).Read(document.RootElement);
        }
    }

    private sealed class Reader(SweepSchema schema, string source)
    {
        public SweepDefinition Read(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Fail("$", $"the sweep must be a JSON object, got {SweepParameter.Describe(root)}");
            }

            var keys = Properties(root, "$");
            foreach (var key in keys.Keys)
            {
                if (!TopLevelKeys.Contains(key))
                {
                    string? hint = SweepSchema.Closest(key, TopLevelKeys);
                    string parameterHint = schema.TryGetParameter(key, out _) ? $"; '{key}' is a parameter, put it under \"fixed\" or \"grid\"" : string.Empty;
                    throw Fail($"$.{key}", $"unknown key '{key}'{(hint is null ? string.Empty : $" (did you mean '{hint}'?)")}{parameterHint}; allowed keys: {string.Join(", ", TopLevelKeys)}");
                }
            }

            string name = keys.TryGetValue("name", out var nameElement)
                ? RequireString(nameElement, "$.name")
                : Path.GetFileNameWithoutExtension(source);

            var architectures = ReadArchitectures(Require(keys, "architectures"));
            var seeds = ReadSeeds(Require(keys, "seeds"));
            int epochs = RequirePositiveInt(Require(keys, "epochs"), "$.epochs");
            int? maxBatches = keys.TryGetValue("maxBatchesPerEpoch", out var maxElement) ? RequirePositiveInt(maxElement, "$.maxBatchesPerEpoch") : null;
            int evaluationSamples = keys.TryGetValue("evaluationSamples", out var evalElement) ? RequirePositiveInt(evalElement, "$.evaluationSamples") : DefaultEvaluationSamples;

            var kinds = new Dictionary<string, SweepValueKind>(StringComparer.Ordinal);
            var fixedParameters = new List<KeyValuePair<string, SweepValue>>();
            if (keys.TryGetValue("fixed", out var fixedElement))
            {
                foreach (var (key, value) in Properties(RequireObject(fixedElement, "$.fixed"), "$.fixed"))
                {
                    var parameter = Parameter(key, "$.fixed");
                    fixedParameters.Add(new(key, Accept(parameter, value, $"$.fixed.{key}")));
                    kinds[key] = parameter.Kind;
                }
            }

            var grid = new List<KeyValuePair<string, IReadOnlyList<SweepValue>>>();
            if (keys.TryGetValue("grid", out var gridElement))
            {
                var axes = Properties(RequireObject(gridElement, "$.grid"), "$.grid");
                if (axes.Count == 0)
                {
                    throw Fail("$.grid", "the grid is empty; give at least one parameter with a list of values, or leave \"grid\" out to sweep only architectures and seeds");
                }

                foreach (var (key, value) in axes)
                {
                    string path = $"$.grid.{key}";
                    var parameter = Parameter(key, "$.grid");
                    if (fixedParameters.Any(p => p.Key == key))
                    {
                        throw Fail(path, $"'{key}' is set under \"fixed\" and varied under \"grid\"; keep only one");
                    }

                    if (value.ValueKind != JsonValueKind.Array)
                    {
                        throw Fail(path, $"a grid parameter takes a list of values, got {SweepParameter.Describe(value)}; write [{value.GetRawText()}] or move it to \"fixed\"");
                    }

                    if (value.GetArrayLength() == 0)
                    {
                        throw Fail(path, $"the list of values for '{key}' is empty, so the grid has no runs; give at least one value");
                    }

                    var values = new List<SweepValue>();
                    int index = 0;
                    foreach (var item in value.EnumerateArray())
                    {
                        var accepted = Accept(parameter, item, $"{path}[{index}]");
                        if (values.Contains(accepted))
                        {
                            throw Fail($"{path}[{index}]", $"the value {accepted} is listed twice for '{key}'");
                        }

                        values.Add(accepted);
                        index++;
                    }

                    grid.Add(new(key, values));
                    kinds[key] = parameter.Kind;
                }
            }

            return new SweepDefinition(name, architectures, seeds, epochs, maxBatches, evaluationSamples, fixedParameters, grid, kinds);
        }

        private List<string> ReadArchitectures(JsonElement element)
        {
            const string path = "$.architectures";
            var list = new List<string>();
            int index = 0;
            foreach (var item in NonEmptyArray(element, path, "architecture"))
            {
                string name = RequireString(item, $"{path}[{index}]");
                if (schema.Architectures is { } known)
                {
                    string? canonical = known.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
                    name = canonical ?? throw Fail($"{path}[{index}]", $"unknown architecture '{name}'; expected one of: {string.Join(", ", known)}");
                }

                if (list.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    throw Fail($"{path}[{index}]", $"the architecture '{name}' is listed twice");
                }

                list.Add(name);
                index++;
            }

            return list;
        }

        private List<long> ReadSeeds(JsonElement element)
        {
            const string path = "$.seeds";
            var list = new List<long>();
            int index = 0;
            foreach (var item in NonEmptyArray(element, path, "seed"))
            {
                if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt64(out long seed))
                {
                    throw Fail($"{path}[{index}]", $"a seed must be a whole number, got {SweepParameter.Describe(item)}");
                }

                if (list.Contains(seed))
                {
                    throw Fail($"{path}[{index}]", $"the seed {seed} is listed twice");
                }

                list.Add(seed);
                index++;
            }

            return list;
        }

        private JsonElement.ArrayEnumerator NonEmptyArray(JsonElement element, string path, string what)
        {
            if (element.ValueKind != JsonValueKind.Array)
            {
                throw Fail(path, $"expected a list of {what}s, got {SweepParameter.Describe(element)}");
            }

            if (element.GetArrayLength() == 0)
            {
                throw Fail(path, $"the list is empty; give at least one {what}");
            }

            return element.EnumerateArray();
        }

        private SweepParameter Parameter(string key, string parentPath)
        {
            if (schema.TryGetParameter(key, out var parameter))
            {
                return parameter;
            }

            string? hint = schema.Suggest(key);
            string known = string.Join(", ", schema.Parameters.Select(p => p.Name));
            throw Fail($"{parentPath}.{key}", $"unknown parameter '{key}'{(hint is null ? string.Empty : $" (did you mean '{hint}'?)")}; known parameters: {known}");
        }

        private SweepValue Accept(SweepParameter parameter, JsonElement element, string path) =>
            parameter.TryAccept(element, out string? error) ?? throw Fail(path, error!);

        private JsonElement Require(Dictionary<string, JsonElement> keys, string key) =>
            keys.TryGetValue(key, out var element) ? element : throw Fail($"$.{key}", $"the required key '{key}' is missing");

        private string RequireString(JsonElement element, string path)
        {
            if (element.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(element.GetString()))
            {
                throw Fail(path, $"expected a non-empty string, got {SweepParameter.Describe(element)}");
            }

            return element.GetString()!;
        }

        private int RequirePositiveInt(JsonElement element, string path)
        {
            if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt32(out int value))
            {
                throw Fail(path, $"expected a whole number, got {SweepParameter.Describe(element)}");
            }

            if (value < 1)
            {
                throw Fail(path, $"must be at least 1, got {value}");
            }

            return value;
        }

        private JsonElement RequireObject(JsonElement element, string path) =>
            element.ValueKind == JsonValueKind.Object
                ? element
                : throw Fail(path, $"expected an object of parameter names to values, got {SweepParameter.Describe(element)}");

        private Dictionary<string, JsonElement> Properties(JsonElement element, string path)
        {
            var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var property in element.EnumerateObject())
            {
                // JsonDocument keeps duplicate keys and the last one would win silently.
                if (!result.TryAdd(property.Name, property.Value))
                {
                    throw Fail($"{path}.{property.Name}", $"the key '{property.Name}' appears twice");
                }
            }

            return result;
        }

        private SweepDefinitionException Fail(string path, string problem) => new(source, path, problem);
    }
}
