namespace GanKit.Samples.Dcgan.Cli;

/// <summary>
/// Turns the first Ctrl+C into a cancellation the trainer sees at its next step (it then writes a
/// checkpoint and returns); a second Ctrl+C ends the process at once.
/// </summary>
internal static class CancelOnCtrlC
{
    private static readonly Lazy<CancellationTokenSource> Source = new(() =>
    {
        var source = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            if (source.IsCancellationRequested)
            {
                return;
            }

            e.Cancel = true;
            Console.Error.WriteLine("Stopping after the current step and writing a checkpoint (Ctrl+C again to quit at once)...");
            source.Cancel();
        };
        return source;
    });

    /// <summary>Gets the token that is cancelled by Ctrl+C.</summary>
    public static CancellationToken Token => Source.Value.Token;
}
