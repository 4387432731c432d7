using System.Globalization;
using GanKit.Samples.Dcgan.Imaging;

namespace GanKit.Samples.Dcgan.Runs;

/// <summary>
/// The losses of a run at every progress report, kept in <c>losses.csv</c> so the loss curve has
/// more than one point per epoch and survives a resume.
/// </summary>
internal sealed class LossLog
{
    /// <summary>The file name inside a run folder.</summary>
    public const string FileName = "losses.csv";

    private const string Header = "step,d_loss,g_loss";

    private readonly string _path;
    private readonly List<LossPoint> _points;

    private LossLog(string path, List<LossPoint> points)
    {
        _path = path;
        _points = points;
    }

    /// <summary>Gets the recorded points, in step order.</summary>
    public IReadOnlyList<LossPoint> Points => _points;

    /// <summary>Opens the log of <paramref name="runFolder"/>, keeping earlier points only when resuming.</summary>
    public static LossLog Open(string runFolder, bool keepExisting)
    {
        string path = Path.Combine(runFolder, FileName);
        var points = new List<LossPoint>();
        if (keepExisting && File.Exists(path))
        {
            foreach (string line in File.ReadLines(path).Skip(1))
            {
                string[] parts = line.Split(',');
                if (parts.Length == 3
                    && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double step)
                    && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double d)
                    && double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out double g))
                {
                    points.Add(new LossPoint(step, d, g));
                }
            }
        }

        return new LossLog(path, points);
    }

    /// <summary>
    /// Records a point. A step at or before the last one means training went back to a checkpoint,
    /// so the points after it (which that checkpoint never saw) are dropped.
    /// </summary>
    public void Add(LossPoint point)
    {
        _points.RemoveAll(p => p.X >= point.X);
        _points.Add(point);
    }

    /// <summary>Writes the log.</summary>
    public void Save()
    {
        var lines = new List<string>(_points.Count + 1) { Header };
        lines.AddRange(_points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.X},{p.DiscriminatorLoss:R},{p.GeneratorLoss:R}")));
        File.WriteAllLines(_path, lines);
    }
}
