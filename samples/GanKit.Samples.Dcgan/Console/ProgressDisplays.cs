using Spectre.Console;

namespace GanKit.Samples.Dcgan.ConsoleUi;

/// <summary>Picks the progress display that suits the console.</summary>
internal static class ProgressDisplays
{
    /// <summary>
    /// A live Spectre.Console bar on an interactive terminal; plain, throttled lines when output is
    /// redirected (CI logs, pipes), where redrawn bars turn into thousands of lines of noise.
    /// </summary>
    public static IProgressDisplay ForConsole() =>
        Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive
            ? new PlainProgressDisplay(Console.Out, TimeProvider.System)
            : new SpectreProgressDisplay();
}
