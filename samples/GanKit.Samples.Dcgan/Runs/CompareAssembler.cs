using System.Globalization;
using GanKit.Mnist.Evaluation;
using GanKit.Samples.Dcgan.Imaging;
using GanKit.Samples.Dcgan.Reporting;

namespace GanKit.Samples.Dcgan.Runs;

/// <summary>One finished run of a comparison.</summary>
/// <param name="Conditional">Whether the run trains the class-conditional version of <paramref name="Arch"/>.</param>
internal sealed record FinishedRun(string Arch, int Seed, string Folder, bool Conditional = false)
{
    /// <summary>The run's name in progress lines and messages: <c>conditional modified seed 3</c>.</summary>
    public string Label => $"{Architectures.DisplayName(Arch, Conditional)} seed {Seed}";
}

/// <summary>Turns the run folders of a comparison into <c>figure.png</c> and <c>report.md</c>.</summary>
internal static class CompareAssembler
{
    /// <summary>The report's file name.</summary>
    public const string ReportFileName = "report.md";

    /// <summary>The side-by-side figure's file name.</summary>
    public const string FigureFileName = "figure.png";

    /// <summary>The first architecture of the report (top row, first table row).</summary>
    public const string First = "original";

    /// <summary>The second architecture.</summary>
    public const string Second = "modified";

    /// <summary>Path of an epoch's sample grid inside a run folder.</summary>
    public static string SamplePath(string runFolder, int epoch) =>
        Path.Combine(runFolder, "samples", string.Create(CultureInfo.InvariantCulture, $"epoch-{epoch:D4}.png"));

    /// <summary>Writes the figure and the report into <paramref name="compareFolder"/>.</summary>
    /// <param name="compareFolder">Folder of the comparison.</param>
    /// <param name="settings">The settings every run shared.</param>
    /// <param name="runs">Every finished run; each must have a <c>summary.json</c>.</param>
    /// <param name="summaries">Gives the generator and discriminator layer tables of an architecture.</param>
    /// <returns>The path of <c>report.md</c>.</returns>
    /// <exception cref="ArgumentException">An architecture has no runs.</exception>
    /// <exception cref="FileNotFoundException">A run lacks its summary or an epoch's sample grid, or a conditional run its <c>conditional.json</c>.</exception>
    public static string Write(string compareFolder, CompareSettings settings, IReadOnlyList<FinishedRun> runs, Func<string, (string Generator, string Discriminator)> summaries)
    {
        ArchitectureResults Results(string arch)
        {
            var mine = runs.Where(r => r.Arch == arch).OrderBy(r => r.Seed).ToList();
            if (mine.Count == 0)
            {
                throw new ArgumentException($"The comparison has no {arch} runs.", nameof(runs));
            }

            var (generator, discriminator) = summaries(arch);

            // A conditional comparison also judges each digit on the images asked for it, over the seeds.
            bool conditional = mine[0].Conditional;
            var perDigit = conditional
                ? MnistConditionalReport.Aggregate(mine.Select(r => Evaluation.LoadConditional(r.Folder)).ToList())
                : null;
            return new ArchitectureResults(
                Architectures.DisplayName(arch, conditional),
                generator,
                discriminator,
                mine.Select(r => new SeedRun(
                    r.Seed,
                    Path.GetRelativePath(compareFolder, r.Folder).Replace('\\', '/'),
                    EvaluationSummary.Load(Path.Combine(r.Folder, EvaluationSummary.FileName)))).ToList(),
                perDigit);
        }

        var first = Results(First);
        var second = Results(Second);

        // The figure shows the first seed's runs: the same fixed noise in every cell of a row.
        int figureSeed = settings.Seeds[0];
        var epochs = FigureEpochs.For(settings.Epochs);
        var rows = new[] { First, Second }
            .Select(arch => runs.Single(r => r.Arch == arch && r.Seed == figureSeed))
            .Select(run => (IReadOnlyList<string>)epochs.Select(e => SamplePath(run.Folder, e)).ToList())
            .ToList();
        SideBySideFigure.Compose(rows, Path.Combine(compareFolder, FigureFileName));

        string report = CompareReport.Build(settings, first, second, new FigureReference(FigureFileName, epochs, figureSeed));
        string path = Path.Combine(compareFolder, ReportFileName);
        File.WriteAllText(path, report);
        return path;
    }
}
