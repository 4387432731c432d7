using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace GanKit.TestSupport;

/// <summary>One entry a <see cref="RecordingLogger"/> kept.</summary>
/// <param name="Level">The entry's level.</param>
/// <param name="EventId">The entry's event id (each package logs in its own range).</param>
/// <param name="Message">The formatted message.</param>
public sealed record LogEntry(LogLevel Level, int EventId, string Message);

/// <summary>A logger that keeps every entry, so tests can assert on what was reported; thread-safe.</summary>
public class RecordingLogger : ILogger
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    /// <summary>Gets the entries so far, oldest first.</summary>
    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    /// <inheritdoc />
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    /// <inheritdoc />
    public bool IsEnabled(LogLevel logLevel) => true;

    /// <inheritdoc />
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _entries.Enqueue(new LogEntry(logLevel, eventId.Id, formatter(state, exception)));
}

/// <summary>A <see cref="RecordingLogger"/> for APIs that want an <see cref="ILogger{TCategoryName}"/>.</summary>
/// <typeparam name="T">The logger's category.</typeparam>
public sealed class RecordingLogger<T> : RecordingLogger, ILogger<T>
{
}
