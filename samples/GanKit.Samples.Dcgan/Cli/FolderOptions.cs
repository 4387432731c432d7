using System.CommandLine;
using System.Globalization;
using GanKit.Samples.Dcgan.Runs;

namespace GanKit.Samples.Dcgan.Cli;

/// <summary>The <c>train</c> options for a folder of the user's own images.</summary>
internal sealed class FolderOptions
{
    /// <summary>Default of <c>--image-size</c>.</summary>
    public const int DefaultImageSize = 32;

    /// <summary>Default of <c>--channels</c>.</summary>
    public const int DefaultChannels = 3;

    /// <summary>Default of <c>--memory-limit-mb</c>: 2 GiB.</summary>
    public const int DefaultMemoryLimitMegabytes = 2048;

    private readonly Option<string?> _folder = new("--data-folder") { Description = "Train the colour preset on this folder of PNG, JPEG, BMP, GIF or WebP images (searched recursively) instead of MNIST." };
    private readonly Option<int> _size = SampleOptions.OneOfNumbers("--image-size", ColourDcgan.ImageSizes, DefaultImageSize, "Side the images are resized and centre-cropped to (with --data-folder).");
    private readonly Option<int> _channels = SampleOptions.OneOfNumbers("--channels", [1, 3], DefaultChannels, "1 for grayscale, 3 for RGB (with --data-folder).");
    private readonly Option<int> _memory = SampleOptions.Positive("--memory-limit-mb", DefaultMemoryLimitMegabytes, "A folder larger than this once decoded is streamed from disk instead of held in memory (with --data-folder).");

    /// <summary>The run-folder name of a folder run: <c>folder-32x32x3</c>.</summary>
    public static string ArchName(FolderSettings settings) =>
        string.Create(CultureInfo.InvariantCulture, $"folder-{settings.ImageSize}x{settings.ImageSize}x{settings.Channels}");

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Add(_folder);
        command.Add(_size);
        command.Add(_channels);
        command.Add(_memory);
    }

    /// <summary>The folder settings, or null without <c>--data-folder</c>.</summary>
    /// <exception cref="UsageException">The folder does not exist.</exception>
    public FolderSettings? Read(ParseResult result)
    {
        string? folder = result.GetValue(_folder);
        if (folder is null)
        {
            return null;
        }

        if (!Directory.Exists(folder))
        {
            throw new UsageException($"--data-folder: '{folder}' does not exist.");
        }

        return new FolderSettings(folder, result.GetValue(_size), result.GetValue(_channels), result.GetValue(_memory) * 1024L * 1024L);
    }
}
