using System.Text.Json;
using System.Text.Json.Nodes;

namespace GanKit.Samples.Dcgan.Reporting;

/// <summary>One digit's row of the per-digit evaluation: the digit and its named metric values.</summary>
/// <remarks>
/// Values are kept by name rather than as fixed properties so the report shows whatever per-digit
/// measures the evaluator produces, in the order it produces them.
/// </remarks>
internal sealed record DigitRow(int Digit, IReadOnlyList<KeyValuePair<string, double>> Values);

/// <summary>The final evaluation of one trained generator, as stored in a run's <c>summary.json</c>.</summary>
/// <param name="IntraClassFid">A conditional run's mean of the per-digit FIDs on the images asked for each digit; null for an unconditional run.</param>
/// <param name="ClassAccuracy">A conditional run's share of images the classifier reads as the digit asked for; null for an unconditional run.</param>
internal sealed record EvaluationSummary(
    double Fid,
    double Kid,
    double ClassifierScore,
    double Precision,
    double Recall,
    IReadOnlyList<DigitRow> PerDigit,
    double? IntraClassFid = null,
    double? ClassAccuracy = null)
{
    /// <summary>The file name every run writes its summary to.</summary>
    public const string FileName = "summary.json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Serialises to the <c>summary.json</c> layout (snake_case keys).</summary>
    /// <param name="extra">Run facts stored next to the metrics (architecture, seed, epochs...).</param>
    public string ToJson(IReadOnlyDictionary<string, JsonNode?>? extra = null)
    {
        var root = new JsonObject();
        if (extra is not null)
        {
            foreach (var (key, value) in extra)
            {
                root[key] = value?.DeepClone();
            }
        }

        root["fid"] = Fid;
        root["kid"] = Kid;
        root["classifier_score"] = ClassifierScore;
        root["precision"] = Precision;
        root["recall"] = Recall;
        if (IntraClassFid is double intraClassFid)
        {
            root["intra_class_fid"] = intraClassFid;
        }

        if (ClassAccuracy is double classAccuracy)
        {
            root["class_accuracy"] = classAccuracy;
        }

        var rows = new JsonArray();
        foreach (var row in PerDigit)
        {
            var item = new JsonObject { ["digit"] = row.Digit };
            foreach (var (name, value) in row.Values)
            {
                item[name] = value;
            }

            rows.Add(item);
        }

        root["per_digit"] = rows;
        return root.ToJsonString(Indented);
    }

    /// <summary>Reads a summary written by <see cref="ToJson"/>.</summary>
    /// <exception cref="InvalidDataException">A required key is missing or not a number; the message names it and the source.</exception>
    public static EvaluationSummary Parse(string json, string source)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{source} is not valid JSON: {ex.Message}", ex);
        }

        if (node is not JsonObject root)
        {
            throw new InvalidDataException($"{source} must hold a JSON object.");
        }

        double Number(JsonObject obj, string key, string where)
        {
            if (obj[key] is JsonValue value && value.TryGetValue(out double number))
            {
                return number;
            }

            throw new InvalidDataException($"{where} has no number under \"{key}\".");
        }

        double? OptionalNumber(JsonObject obj, string key) =>
            obj[key] is null ? null : Number(obj, key, source);

        var perDigit = new List<DigitRow>();
        if (root["per_digit"] is not JsonArray rows)
        {
            throw new InvalidDataException($"{source} has no \"per_digit\" array.");
        }

        foreach (var rowNode in rows)
        {
            if (rowNode is not JsonObject row)
            {
                throw new InvalidDataException($"{source}: every \"per_digit\" entry must be an object.");
            }

            int digit = (int)Number(row, "digit", $"{source} per_digit entry");
            var values = new List<KeyValuePair<string, double>>();
            foreach (var (key, value) in row)
            {
                if (key != "digit" && value is JsonValue v && v.TryGetValue(out double number))
                {
                    values.Add(new(key, number));
                }
            }

            perDigit.Add(new DigitRow(digit, values));
        }

        return new EvaluationSummary(
            Number(root, "fid", source),
            Number(root, "kid", source),
            Number(root, "classifier_score", source),
            Number(root, "precision", source),
            Number(root, "recall", source),
            perDigit,
            OptionalNumber(root, "intra_class_fid"),
            OptionalNumber(root, "class_accuracy"));
    }

    /// <summary>Reads <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file's content is not a summary.</exception>
    public static EvaluationSummary Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No evaluation summary at {path}.", path);
        }

        return Parse(File.ReadAllText(path), path);
    }
}
