using System.Globalization;

namespace GanKit.Samples.Dcgan.ConsoleUi;

/// <summary>
/// Progress as plain lines: one when a run starts, then at most one every
/// <see cref="Interval"/> and one at every epoch end, each with ETA and the latest losses.
/// </summary>
internal sealed class PlainProgressDisplay(TextWriter output, TimeProvider time) : IProgressDisplay
{
    /// <summary>Least time between two step lines.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    /// <inheritdoc />
    public T Show<T>(IReadOnlyList<string> runLabels, Func<IReadOnlyList<IRunProgress>, T> body) =>
        body(runLabels.Select(label => (IRunProgress)new Run(output, time, label)).ToList());

    internal sealed class Run(TextWriter output, TimeProvider time, string label) : IRunProgress
    {
        private long _startedAt = -1;
        private long _firstStep;
        private long _lastLineAt;
        private int _lastEpoch;
        private bool _printed;

        public void Report(ProgressSnapshot s)
        {
            long now = time.GetTimestamp();
            if (_startedAt < 0)
            {
                // The ETA is measured from the first step seen, so a resumed run does not count the
                // steps it skipped as instantly done.
                _startedAt = now;
                _firstStep = s.Step;
                _lastLineAt = now;
                _lastEpoch = s.Epoch;
            }

            bool epochEnded = s.Epoch != _lastEpoch || s.Step >= s.TotalSteps;
            bool due = time.GetElapsedTime(_lastLineAt, now) >= Interval;
            if (_printed && !epochEnded && !due)
            {
                return;
            }

            _printed = true;
            _lastLineAt = now;
            _lastEpoch = s.Epoch;
            output.WriteLine(Format(s, time.GetElapsedTime(_startedAt, now)));
        }

        public void Note(string message) => output.WriteLine(message);

        internal string Format(ProgressSnapshot s, TimeSpan elapsed)
        {
            long done = s.Step - _firstStep;
            string eta = done > 0 && elapsed > TimeSpan.Zero
                ? Duration(TimeSpan.FromTicks(elapsed.Ticks / done * Math.Max(0, s.TotalSteps - s.Step)))
                : "?";
            double percent = s.TotalSteps > 0 ? 100.0 * s.Step / s.TotalSteps : 0;
            return string.Create(CultureInfo.InvariantCulture,
                $"{label}: epoch {s.Epoch}/{s.Epochs} step {s.Step}/{s.TotalSteps} ({percent:F0}%) D {ProgressSnapshot.FormatLoss(s.DiscriminatorLoss)} G {ProgressSnapshot.FormatLoss(s.GeneratorLoss)} elapsed {Duration(elapsed)} eta {eta}");
        }

        private static string Duration(TimeSpan t) => t.ToString(t.TotalHours >= 1 ? @"h\:mm\:ss" : @"m\:ss", CultureInfo.InvariantCulture);
    }
}
