namespace GanKit.Samples.Dcgan.Cli;

/// <summary>Process exit codes of the sample.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>The command failed while running (I/O, data, training).</summary>
    public const int Failure = 1;

    /// <summary>The command line was wrong; nothing was run. Matches the convention of shells and getopt tools.</summary>
    public const int Usage = 2;

    /// <summary>Stopped by Ctrl+C after writing a checkpoint (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;

    /// <summary>Stopped by SIGTERM after writing a checkpoint (128 + SIGTERM, as shells report it).</summary>
    public const int Terminated = 143;

    /// <summary>The exit code of a run stopped by Ctrl+C or SIGTERM.</summary>
    public static int Stopped => CancelOnCtrlC.Terminated ? Terminated : Cancelled;
}
