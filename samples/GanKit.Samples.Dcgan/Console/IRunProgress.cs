namespace GanKit.Samples.Dcgan.ConsoleUi;

/// <summary>Receives the progress of one training run.</summary>
internal interface IRunProgress
{
    /// <summary>Records a step.</summary>
    void Report(ProgressSnapshot snapshot);

    /// <summary>Writes a line of text (a finished epoch, a written file) without breaking the display.</summary>
    void Note(string message);
}

/// <summary>Shows one or more training runs, one progress line each.</summary>
internal interface IProgressDisplay
{
    /// <summary>Runs <paramref name="body"/> with the display live; it gets one <see cref="IRunProgress"/> per label.</summary>
    T Show<T>(IReadOnlyList<string> runLabels, Func<IReadOnlyList<IRunProgress>, T> body);
}
