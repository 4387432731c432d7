using Microsoft.Extensions.Logging;

namespace GanKit.Data;

// Event ids are stable: users filter and alert on them.
internal static partial class Log
{
    [LoggerMessage(EventId = 1501, Level = LogLevel.Warning, Message = "Skipping {Path}: {Reason}")]
    public static partial void ImageSkipped(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 1502, Level = LogLevel.Information, Message = "Opened {Folder}: {Count} images in {Classes} classes, {Skipped} unreadable files skipped")]
    public static partial void FolderOpened(ILogger logger, string folder, long count, int classes, int skipped);

    [LoggerMessage(EventId = 1503, Level = LogLevel.Information, Message = "Batches of {Folder}: {Mode}, {DecodedBytes} bytes decoded against a limit of {MemoryLimitBytes}")]
    public static partial void BatchSourceChosen(ILogger logger, string folder, BatchSourceMode mode, long decodedBytes, long memoryLimitBytes);

    [LoggerMessage(EventId = 1504, Level = LogLevel.Information, Message = "Decoded-image cache {Path}: {Valid} of {Count} images kept, the rest to decode")]
    public static partial void CacheOpened(ILogger logger, string path, long valid, long count);
}
