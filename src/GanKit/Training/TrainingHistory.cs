using System.Globalization;
using System.Text;
using System.Text.Json;
using GanKit.Internal;

namespace GanKit.Training;

/// <summary>
/// The per-epoch record of a training run, written as <c>metrics.csv</c> (for spreadsheets and
/// plotting) and <c>history.json</c> (read back when a run resumes).
/// </summary>
public sealed class TrainingHistory
{
    /// <summary>The header line of <see cref="WriteCsv"/>.</summary>
    public const string CsvHeader = "epoch,step,d_loss,g_loss,d_real,d_fake,seconds,images_per_second,generator_steps";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private readonly List<TrainingHistoryRow> _rows = new();

    /// <summary>Creates an empty history.</summary>
    public TrainingHistory()
    {
    }

    /// <summary>Creates a history holding <paramref name="rows"/>.</summary>
    /// <param name="rows">Rows in epoch order.</param>
    /// <exception cref="ArgumentNullException"><paramref name="rows"/> is null.</exception>
    /// <exception cref="ArgumentException">The epochs are not strictly increasing.</exception>
    public TrainingHistory(IEnumerable<TrainingHistoryRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var row in rows)
        {
            Add(row);
        }
    }

    /// <summary>Gets the rows, one per completed epoch, in order.</summary>
    public IReadOnlyList<TrainingHistoryRow> Rows => _rows;

    /// <summary>Appends an epoch's row.</summary>
    /// <param name="row">The row; its epoch must follow the last one's.</param>
    /// <exception cref="ArgumentNullException"><paramref name="row"/> is null.</exception>
    /// <exception cref="ArgumentException">The row's epoch is not after the last row's.</exception>
    public void Add(TrainingHistoryRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (_rows.Count > 0 && row.Epoch <= _rows[^1].Epoch)
        {
            throw new ArgumentException($"History rows must come in epoch order; epoch {row.Epoch} follows epoch {_rows[^1].Epoch}.", nameof(row));
        }

        _rows.Add(row);
    }

    /// <summary>Writes the rows as CSV (invariant culture, round-trip precision) to <paramref name="path"/>.</summary>
    /// <param name="path">Destination file; replaced when present.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public void WriteCsv(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var text = new StringBuilder();
        text.Append(CsvHeader).Append('\n');
        foreach (var r in _rows)
        {
            text.Append(string.Join(
                ',',
                r.Epoch.ToString(CultureInfo.InvariantCulture),
                r.Step.ToString(CultureInfo.InvariantCulture),
                Format(r.DiscriminatorLoss),
                Format(r.GeneratorLoss),
                Format(r.RealScore),
                Format(r.FakeScore),
                Format(r.Seconds),
                Format(r.ImagesPerSecond),
                r.GeneratorSteps.ToString(CultureInfo.InvariantCulture))).Append('\n');
        }

        AtomicFile.WriteAllText(path, text.ToString());
    }

    /// <summary>Writes the rows as a JSON array to <paramref name="path"/>.</summary>
    /// <param name="path">Destination file; replaced when present.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public void WriteJson(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(_rows, JsonOptions));
    }

    /// <summary>Reads a history written by <see cref="WriteJson"/>.</summary>
    /// <param name="path">The <c>history.json</c> file.</param>
    /// <returns>The history.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a history.</exception>
    public static TrainingHistory ReadJson(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string json = File.ReadAllText(path);
        try
        {
            var rows = JsonSerializer.Deserialize<List<TrainingHistoryRow>>(json, JsonOptions)
                ?? throw new InvalidDataException($"'{path}' holds null, not a training history.");
            return new TrainingHistory(rows);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"'{path}' is not a training history: {e.Message}", e);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"'{path}' is not a training history: {e.Message}", e);
        }
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
