using Microsoft.Extensions.Logging;

namespace GanKit.Samples.Dcgan.ConsoleUi;

/// <summary>
/// Shows the library's warnings (a skipped damaged checkpoint, an ignored stray folder, a temporary
/// left by a crash) to the person at the console; everything below <paramref name="minimum"/> stays quiet.
/// </summary>
/// <param name="write">Receives each message as one line.</param>
/// <param name="minimum">
/// The least level shown: warnings by default; MNIST loading shows information too, so a download
/// that takes minutes says which source it is trying instead of staying silent.
/// </param>
internal sealed class WarningLogger<T>(Action<string> write, LogLevel minimum = LogLevel.Warning) : ILogger<T>
{
    /// <inheritdoc />
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    /// <inheritdoc />
    public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum && logLevel != LogLevel.None;

    /// <inheritdoc />
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            write(logLevel >= LogLevel.Warning ? $"warning: {formatter(state, exception)}" : formatter(state, exception));
        }
    }
}
