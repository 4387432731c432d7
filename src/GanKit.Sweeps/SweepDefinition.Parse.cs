using System.Globalization;
using System.Text.Json;

namespace GanKit.Sweeps;

public sealed partial class SweepDefinition
{
    /// <summary>Reads and checks a sweep file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="schema">The parameters and settings the application accepts.</param>
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
    /// <param name="schema">The parameters and settings the application accepts.</param>
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
                if (!schema.TopLevelKeys.Contains(key))
                {
                    string? hint = SweepSchema.Closest(key, schema.TopLevelKeys);
                    string parameterHint = schema.TryGetParameter(key, out _) ? $"; '{key}' is a parameter, put it under \"fixed\" or \"grid\"" : string.Empty;
                    throw Fail($"$.{key}", $"unknown key '{key}'{(hint is null ? string.Empty : $" (did you mean '{hint}'?)")}{parameterHint}; allowed keys: {string.Join(", ", schema.TopLevelKeys)}");
                }
            }

            string name = keys.TryGetValue("name", out var nameElement)
                ? RequireString(nameElement, "$.name")
                : Path.GetFileNameWithoutExtension(source);

            var seeds = ReadSeeds(Require(keys, "seeds"));
            var kinds = new Dictionary<string, SweepValueKind>(StringComparer.Ordinal);
            var fixedParameters = new List<KeyValuePair<string, SweepValue>>();
            var grid = new List<KeyValuePair<string, IReadOnlyList<SweepValue>>>();
            foreach (var setting in schema.Settings)
            {
                string path = $"$.{setting.Key}";
                kinds[setting.Parameter.Name] = setting.Parameter.Kind;
                if (!keys.TryGetValue(setting.Key, out var element))
                {
                    if (setting.IsRequired)
                    {
                        throw Fail(path, $"the required key '{setting.Key}' is missing");
                    }

                    if (setting.DefaultValue is { } defaultValue)
                    {
                        fixedParameters.Add(new(setting.Parameter.Name, defaultValue));
                    }
                    else
                    {
                        kinds.Remove(setting.Parameter.Name);
                    }

                    continue;
                }

                if (setting.IsList)
                {
                    if (element.ValueKind != JsonValueKind.Array)
                    {
                        throw Fail(path, $"expected a list of values for '{setting.Key}', got {SweepParameter.Describe(element)}");
                    }

                    if (element.GetArrayLength() == 0)
                    {
                        throw Fail(path, $"the list is empty; give at least one value for '{setting.Key}'");
                    }

                    grid.Add(new(setting.Parameter.Name, ReadDistinctValues(setting.Parameter, element, path)));
                }
                else
                {
                    fixedParameters.Add(new(setting.Parameter.Name, Accept(setting.Parameter, element, path)));
                }
            }

            if (keys.TryGetValue("fixed", out var fixedElement))
            {
                foreach (var (key, value) in Properties(RequireObject(fixedElement, "$.fixed"), "$.fixed"))
                {
                    var parameter = Parameter(key, "$.fixed");
                    fixedParameters.Add(new(key, Accept(parameter, value, $"$.fixed.{key}")));
                    kinds[key] = parameter.Kind;
                }
            }

            if (keys.TryGetValue("grid", out var gridElement))
            {
                var axes = Properties(RequireObject(gridElement, "$.grid"), "$.grid");
                if (axes.Count == 0)
                {
                    throw Fail("$.grid", "the grid is empty; give at least one parameter with a list of values, or leave \"grid\" out to sweep only the seeds");
                }

                var fixedNames = fixedParameters.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
                foreach (var (key, value) in axes)
                {
                    string path = $"$.grid.{key}";
                    var parameter = Parameter(key, "$.grid");
                    if (fixedNames.Contains(key))
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

                    grid.Add(new(key, ReadDistinctValues(parameter, value, path)));
                    kinds[key] = parameter.Kind;
                }
            }

            CheckSize(grid, seeds.Count);
            return new SweepDefinition(name, seeds, fixedParameters, grid, kinds);
        }

        private void CheckSize(List<KeyValuePair<string, IReadOnlyList<SweepValue>>> grid, int seedCount)
        {
            long configurations = CountConfigurations(grid.Select(axis => axis.Value.Count));
            long runs = configurations > long.MaxValue / seedCount ? long.MaxValue : configurations * seedCount;
            if (runs <= MaxRunCount)
            {
                return;
            }

            string factors = string.Join(" x ", grid.Select(axis => $"{axis.Value.Count.ToString(CultureInfo.InvariantCulture)} {axis.Key}").Append($"{seedCount.ToString(CultureInfo.InvariantCulture)} seeds"));
            string count = runs == long.MaxValue ? $"more than {long.MaxValue.ToString(CultureInfo.InvariantCulture)}" : runs.ToString(CultureInfo.InvariantCulture);
            throw Fail("$", $"the sweep has {count} runs ({factors}), more than the limit of {MaxRunCount.ToString(CultureInfo.InvariantCulture)} runs per sweep; use fewer values or split it into several sweeps");
        }

        private List<SweepValue> ReadDistinctValues(SweepParameter parameter, JsonElement array, string path)
        {
            // A set, not a scan of the list: a grid may list tens of thousands of values.
            var values = new List<SweepValue>(array.GetArrayLength());
            var seen = new Dictionary<SweepValue, int>();
            int index = 0;
            foreach (var item in array.EnumerateArray())
            {
                var accepted = Accept(parameter, item, $"{path}[{index}]");
                if (!seen.TryAdd(accepted, index))
                {
                    throw Fail($"{path}[{index}]", $"the value {accepted} is listed twice for '{parameter.Name}' (first at [{seen[accepted].ToString(CultureInfo.InvariantCulture)}])");
                }

                values.Add(accepted);
                index++;
            }

            return values;
        }

        private List<long> ReadSeeds(JsonElement element)
        {
            const string path = "$.seeds";
            var list = new List<long>();
            var seen = new HashSet<long>();
            int index = 0;
            foreach (var item in NonEmptyArray(element, path, "seed"))
            {
                if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt64(out long seed))
                {
                    throw Fail($"{path}[{index}]", $"a seed must be a whole number, got {SweepParameter.Describe(item)}");
                }

                if (!seen.Add(seed))
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

            if (schema.Settings.FirstOrDefault(setting => setting.Key == key || setting.Parameter.Name == key) is { } setting)
            {
                throw Fail($"{parentPath}.{key}", $"'{key}' is a top-level setting of this sweep file; write \"{setting.Key}\" beside \"seeds\", not under {parentPath[2..]}");
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
