using Microsoft.Extensions.Logging;

namespace GanKit.Tests.TestSupport;

/// <summary>Keeps every log entry so tests can assert on warnings.</summary>
internal sealed class RecordingLogger<T> : ILogger<T>
{
    private readonly List<(LogLevel Level, EventId Id, string Message)> _entries = new();

    public IReadOnlyList<(LogLevel Level, EventId Id, string Message)> Entries
    {
        get
        {
            lock (_entries)
            {
                return _entries.ToList();
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_entries)
        {
            _entries.Add((logLevel, eventId, formatter(state, exception)));
        }
    }
}
