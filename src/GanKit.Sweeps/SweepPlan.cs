using System.Text;
using System.Text.Json;

namespace GanKit.Sweeps;

/// <summary>
/// The expanded, numbered runs of a sweep. Stored as <c>plan.json</c> in the sweep folder so the
/// report (and a worker joining later) knows every run, including those nobody has started.
/// </summary>
public sealed class SweepPlan
{
    /// <summary>The file name of the stored plan inside a sweep folder.</summary>
    public const string FileName = "plan.json";

    // Format 2: every run value is a parameter; format 1 kept a trainer's architecture, epochs and
    // evaluation size apart from them.
    private const int FormatVersion = 2;

    internal SweepPlan(string name, IReadOnlyList<SweepRun> runs, IReadOnlyList<string> variedParameters, IReadOnlyDictionary<string, SweepValueKind> parameterKinds)
    {
        Name = name;
        Runs = runs;
        VariedParameters = variedParameters;
        ParameterKinds = parameterKinds;
        Fingerprint = SweepHash.Full(string.Join('\n', runs.Select(r => r.Id)));
    }

    /// <summary>Gets the sweep's name.</summary>
    public string Name { get; }

    /// <summary>Gets the runs, ordered by <see cref="SweepRun.Number"/>.</summary>
    public IReadOnlyList<SweepRun> Runs { get; }

    /// <summary>Gets the grid parameter names, in file order.</summary>
    public IReadOnlyList<string> VariedParameters { get; }

    /// <summary>Gets the declared type of every parameter the runs set.</summary>
    public IReadOnlyDictionary<string, SweepValueKind> ParameterKinds { get; }

    /// <summary>Gets a hash of every run id in order: two plans with the same fingerprint run the same things.</summary>
    public string Fingerprint { get; }

    /// <summary>Reads the plan a sweep folder holds, as a worker that joins a running sweep without its file does.</summary>
    /// <param name="sweepDirectory">The folder given to <see cref="SweepRunner.Run"/>.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentException"><paramref name="sweepDirectory"/> is empty.</exception>
    /// <exception cref="FileNotFoundException">The folder holds no <c>plan.json</c>.</exception>
    /// <exception cref="InvalidDataException">The plan is unreadable or was edited by hand.</exception>
    public static SweepPlan Load(string sweepDirectory) => new SweepFolder(sweepDirectory).ReadPlan();

    /// <summary>Serialises the plan to indented JSON.</summary>
    internal string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("format", FormatVersion);
            writer.WriteString("name", Name);
            writer.WriteString("fingerprint", Fingerprint);
            writer.WriteStartArray("variedParameters");
            foreach (var name in VariedParameters)
            {
                writer.WriteStringValue(name);
            }

            writer.WriteEndArray();
            writer.WriteStartObject("parameterKinds");
            foreach (var (name, kind) in ParameterKinds.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                writer.WriteString(name, kind.ToString());
            }

            writer.WriteEndObject();
            writer.WriteStartArray("runs");
            foreach (var run in Runs)
            {
                WriteRun(writer, run);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Reads a plan written by <see cref="ToJson"/>.</summary>
    /// <exception cref="InvalidDataException">The text is not a plan, or a run's id does not match its contents (the file was edited).</exception>
    internal static SweepPlan Parse(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            int format = root.GetProperty("format").GetInt32();
            if (format != FormatVersion)
            {
                throw new InvalidDataException(format < FormatVersion
                    ? $"{source} has plan format {format}, written by an earlier GanKit.Sweeps; finish or report that sweep with the version that started it, or run the sweep file again with a new --out folder."
                    : $"{source} has plan format {format}; this version reads format {FormatVersion}.");
            }

            var kinds = new Dictionary<string, SweepValueKind>(StringComparer.Ordinal);
            foreach (var property in root.GetProperty("parameterKinds").EnumerateObject())
            {
                kinds[property.Name] = Enum.Parse<SweepValueKind>(property.Value.GetString()!);
            }

            var varied = root.GetProperty("variedParameters").EnumerateArray().Select(e => e.GetString()!).ToArray();
            var runs = new List<SweepRun>();
            foreach (var item in root.GetProperty("runs").EnumerateArray())
            {
                var parameters = new List<KeyValuePair<string, SweepValue>>();
                foreach (var property in item.GetProperty("parameters").EnumerateObject())
                {
                    parameters.Add(new(property.Name, ReadValue(property.Value, kinds[property.Name])));
                }

                var run = new SweepRun(item.GetProperty("number").GetInt32(), item.GetProperty("seed").GetInt64(), parameters, varied);
                string stored = item.GetProperty("id").GetString()!;
                if (run.Id != stored || run.Number != runs.Count)
                {
                    throw new InvalidDataException($"{source}: run {runs.Count} is stored as '{stored}' but its contents give '{run.Id}'; the plan was edited by hand.");
                }

                runs.Add(run);
            }

            return new SweepPlan(root.GetProperty("name").GetString()!, runs, varied, kinds);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new InvalidDataException($"{source} is not a readable sweep plan: {ex.Message}", ex);
        }
    }

    /// <summary>Serialises one run (the content of its <c>sweep-run.json</c>).</summary>
    internal static string RunToJson(SweepRun run)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            WriteRun(writer, run);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteRun(Utf8JsonWriter writer, SweepRun run)
    {
        writer.WriteStartObject();
        writer.WriteNumber("number", run.Number);
        writer.WriteString("id", run.Id);
        writer.WriteString("configurationId", run.ConfigurationId);
        writer.WriteString("configuration", run.ConfigurationLabel);
        writer.WriteNumber("seed", run.Seed);
        writer.WriteStartObject("parameters");
        foreach (var (name, value) in run.Parameters)
        {
            writer.WritePropertyName(name);
            value.WriteTo(writer);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static SweepValue ReadValue(JsonElement element, SweepValueKind kind) => kind switch
    {
        SweepValueKind.Integer => SweepValue.FromInteger(element.GetInt64()),
        SweepValueKind.Number => SweepValue.FromNumber(element.GetDouble()),
        SweepValueKind.Boolean => SweepValue.FromBoolean(element.GetBoolean()),
        _ => SweepValue.FromString(element.GetString()!),
    };
}
