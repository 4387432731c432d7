using System.Runtime.InteropServices;

namespace GanKit.Samples.Dcgan.Cli;

/// <summary>
/// Turns the first Ctrl+C or SIGTERM into a cancellation the trainer sees at its next step (it then
/// writes a checkpoint and returns); a second Ctrl+C ends the process at once. Schedulers stop jobs
/// with SIGTERM (Slurm on scancel or at the time limit, Kubernetes on eviction), so it gets the
/// same care as Ctrl+C.
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
        Registration = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            if (!source.IsCancellationRequested)
            {
                Terminated = true;
                Console.Error.WriteLine("SIGTERM: stopping after the current step and writing a checkpoint...");
                source.Cancel();
            }
        });
        return source;
    });

    /// <summary>Gets the token that Ctrl+C or SIGTERM cancels.</summary>
    public static CancellationToken Token => Source.Value.Token;

    /// <summary>Gets whether the cancellation came from SIGTERM, so the exit code can say so (143).</summary>
    public static bool Terminated { get; private set; }

    // Kept alive for the life of the process: the handler is unregistered when it is collected.
    private static PosixSignalRegistration? Registration { get; set; }
}
