using Microsoft.Extensions.Logging;

namespace GanKit.Mnist;

/// <summary>Every log message of GanKit.Mnist. Event ids are stable: add new ones, never renumber.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "Looking for MNIST files in {Directory}")]
    public static partial void UsingDirectory(ILogger logger, string directory);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Debug, Message = "Found {FileName} at {Path}")]
    public static partial void FoundFile(ILogger logger, string fileName, string path);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Missing from {Directory}: {FileNames}; fetching them")]
    public static partial void FilesMissing(ILogger logger, string directory, string fileNames);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Information, Message = "Waiting for another process that is filling {Directory}")]
    public static partial void WaitingForLock(ILogger logger, string directory);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Information, Message = "Another process placed the files in {Directory} while this one waited")]
    public static partial void FilesAppeared(ILogger logger, string directory);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Information, Message = "Trying {Source}")]
    public static partial void TryingSource(ILogger logger, string source);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Information, Message = "{Source} supplied the files in {ElapsedMs} ms")]
    public static partial void SourceSucceeded(ILogger logger, string source, long elapsedMs);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Warning, Message = "{Source} failed: {Reason}")]
    public static partial void SourceFailed(ILogger logger, string source, string reason);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Warning, Message = "Attempt {Attempt} of {MaxAttempts} at {Url} failed: {Reason}")]
    public static partial void AttemptFailed(ILogger logger, int attempt, int maxAttempts, string url, string reason);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Information, Message = "Downloaded {Url} ({Bytes} bytes)")]
    public static partial void Downloaded(ILogger logger, string url, long bytes);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Information, Message = "Running {Npm} {Arguments}")]
    public static partial void RunningNpm(ILogger logger, string npm, string arguments);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Debug, Message = "Stored {FileName} in {Directory} (SHA-256 {Sha256})")]
    public static partial void StoredFile(ILogger logger, string fileName, string directory, string sha256);

    [LoggerMessage(EventId = 2013, Level = LogLevel.Information, Message = "Loaded {Count} images of {Description} in {ElapsedMs} ms")]
    public static partial void Loaded(ILogger logger, long count, string description, long elapsedMs);

    [LoggerMessage(EventId = 2014, Level = LogLevel.Debug, Message = "Did not store {FileName} from the npm package (not requested, and it failed its check: {Reason})")]
    public static partial void SkippedExtraFile(ILogger logger, string fileName, string reason);

    [LoggerMessage(EventId = 2015, Level = LogLevel.Warning, Message = "Deleted {Path}, left by a download that was killed")]
    public static partial void TemporaryRemoved(ILogger logger, string path);
}
