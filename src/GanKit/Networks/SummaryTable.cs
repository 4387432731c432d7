using System.Globalization;
using System.Text;
using GanKit.Internal;

namespace GanKit.Networks;

/// <summary>
/// Formats <see cref="LayerSummary"/> rows as a text table like Keras' <c>model.summary()</c>: the
/// network's name and input, a row per layer, then the totals. It works on the rows alone, so a
/// network of any kind (or a stored description of one) can be shown the same way.
/// </summary>
public static class SummaryTable
{
    /// <summary>Formats the table.</summary>
    /// <param name="title">The first line's name, usually the network's type.</param>
    /// <param name="inputShape">The per-sample shape the network takes.</param>
    /// <param name="rows">The layers, in order.</param>
    /// <returns>The table, lines separated by <see cref="Environment.NewLine"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static string Format(string title, long[] inputShape, IReadOnlyList<LayerSummary> rows)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(inputShape);
        ArgumentNullException.ThrowIfNull(rows);
        var culture = CultureInfo.InvariantCulture;
        string[] header = ["Layer (kind)", "Output shape", "Trainable", "Non-trainable", "Param memory", "MACs"];
        var cells = rows.Select(r => new[]
        {
            $"{r.Name} ({r.Kind})",
            Shapes.Format(r.OutputShape),
            r.TrainableParameters.ToString("N0", culture),
            r.NonTrainableParameters.ToString("N0", culture),
            Bytes(r.ParameterBytes),
            r.MultiplyAccumulates.ToString("N0", culture),
        }).ToList();
        var widths = Enumerable.Range(0, header.Length).Select(c => cells.Select(r => r[c].Length).Append(header[c].Length).Max()).ToArray();
        string rule = new('-', widths.Sum() + (2 * (widths.Length - 1)));
        long trainable = rows.Sum(r => r.TrainableParameters);
        long nonTrainable = rows.Sum(r => r.NonTrainableParameters);

        var text = new StringBuilder();
        text.AppendLine(title + ", input " + Shapes.Format(inputShape));
        void Line(string[] row) => text.AppendLine(string.Join("  ", row.Select((cell, c) => c < 2 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).TrimEnd());
        Line(header);
        text.AppendLine(rule);
        cells.ForEach(Line);
        text.AppendLine(rule);
        text.AppendLine($"Trainable parameters: {trainable.ToString("N0", culture)}");
        text.AppendLine($"Non-trainable parameters: {nonTrainable.ToString("N0", culture)}");
        text.AppendLine($"Total parameters: {(trainable + nonTrainable).ToString("N0", culture)} ({Bytes(rows.Sum(r => r.ParameterBytes))})");
        text.Append($"Multiply-accumulates per sample: {rows.Sum(r => r.MultiplyAccumulates).ToString("N0", culture)}");
        return text.ToString();
    }

    /// <summary>Bytes in the unit Keras uses for its summary: B, KB, MB or GB (powers of 1024).</summary>
    private static string Bytes(long bytes)
    {
        string[] units = ["B", "KB", "MB", "GB"];
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return unit == 0
            ? bytes.ToString("N0", CultureInfo.InvariantCulture) + " B"
            : value.ToString("0.00", CultureInfo.InvariantCulture) + " " + units[unit];
    }
}
