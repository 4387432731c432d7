using GanKit.Internal;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.PixelFormats;

namespace GanKit.Imaging;

/// <summary>
/// Joins still images (for example the per-epoch sample grids) into one looping animated GIF.
/// </summary>
public static class AnimatedGif
{
    /// <summary>The default time each frame is shown, in hundredths of a second.</summary>
    public const int DefaultFrameDelay = 50;

    /// <summary>Writes the images at <paramref name="framePaths"/>, in order, as an animated GIF.</summary>
    /// <param name="framePaths">Image files ImageSharp can decode, all of the same size.</param>
    /// <param name="path">Destination file; its folder is created when missing.</param>
    /// <param name="frameDelay">Time per frame in hundredths of a second; positive.</param>
    /// <param name="lastFrameDelay">Time the last frame is held before the loop restarts; 0 uses <paramref name="frameDelay"/>.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">No frames are given, or the frames differ in size.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A delay is out of range.</exception>
    /// <exception cref="IOException">A file cannot be read or written.</exception>
    public static void Save(IReadOnlyList<string> framePaths, string path, int frameDelay = DefaultFrameDelay, int lastFrameDelay = 0)
    {
        ArgumentNullException.ThrowIfNull(framePaths);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(frameDelay);
        ArgumentOutOfRangeException.ThrowIfNegative(lastFrameDelay);
        if (framePaths.Count == 0)
        {
            throw new ArgumentException("An animated GIF needs at least one frame; got none.", nameof(framePaths));
        }

        using var gif = Image.Load<Rgba32>(framePaths[0]);
        gif.Metadata.GetGifMetadata().RepeatCount = 0;
        gif.Frames.RootFrame.Metadata.GetGifMetadata().FrameDelay = frameDelay;
        for (int i = 1; i < framePaths.Count; i++)
        {
            using var frame = Image.Load<Rgba32>(framePaths[i]);
            if (frame.Width != gif.Width || frame.Height != gif.Height)
            {
                throw new ArgumentException($"Frame '{framePaths[i]}' is {frame.Width}x{frame.Height}; the first frame is {gif.Width}x{gif.Height}.", nameof(framePaths));
            }

            var added = gif.Frames.AddFrame(frame.Frames.RootFrame);
            added.Metadata.GetGifMetadata().FrameDelay = frameDelay;
        }

        if (lastFrameDelay > 0)
        {
            gif.Frames[gif.Frames.Count - 1].Metadata.GetGifMetadata().FrameDelay = lastFrameDelay;
        }

        AtomicFile.Write(path, stream => gif.SaveAsGif(stream));
    }
}
