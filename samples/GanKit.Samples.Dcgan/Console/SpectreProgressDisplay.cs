using System.Globalization;
using Spectre.Console;

namespace GanKit.Samples.Dcgan.ConsoleUi;

/// <summary>Live progress bars with elapsed time, ETA and the latest losses.</summary>
internal sealed class SpectreProgressDisplay : IProgressDisplay
{
    /// <inheritdoc />
    public T Show<T>(IReadOnlyList<string> runLabels, Func<IReadOnlyList<IRunProgress>, T> body) =>
        AnsiConsole.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(
                new TaskDescriptionColumn { Alignment = Justify.Left },
                new ProgressBarColumn(),
                new PercentageColumn(),
                new ElapsedTimeColumn(),
                new RemainingTimeColumn(),
                new SpinnerColumn())
            .Start(context =>
            {
                var runs = runLabels.Select(label => (IRunProgress)new Run(context.AddTask(Markup.Escape(label), autoStart: false), label)).ToList();
                return body(runs);
            });

    private sealed class Run(ProgressTask task, string label) : IRunProgress
    {
        public void Report(ProgressSnapshot s)
        {
            if (!task.IsStarted)
            {
                task.StartTask();
            }

            task.MaxValue = Math.Max(1, s.TotalSteps);
            task.Value = s.Step;
            task.Description = Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"{label}  epoch {s.Epoch}/{s.Epochs}  D {ProgressSnapshot.FormatLoss(s.DiscriminatorLoss)}  G {ProgressSnapshot.FormatLoss(s.GeneratorLoss)}"));
            if (s.Step >= s.TotalSteps)
            {
                task.StopTask();
            }
        }

        public void Note(string message) => AnsiConsole.MarkupLine("[grey]{0}[/]", Markup.Escape(message));
    }
}
