using Microsoft.Extensions.Logging;

namespace GanKit.Samples.Dcgan.ConsoleUi;

/// <summary>
/// Shows the library's warnings (a skipped damaged checkpoint, an ignored stray folder, a temporary
/// left by a crash) to the person at the console; everything below a warning stays quiet.
/// </summary>
/// <param name="write">Receives each warning as one line.</param>
internal sealed class WarningLogger<T>(Action<string> write) : ILogger<T>
{
    /// <inheritdoc />
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    /// <inheritdoc />
    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    /// <inheritdoc />
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            write($"warning: {formatter(state, exception)}");
        }
    }
}
