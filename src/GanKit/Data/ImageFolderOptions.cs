namespace GanKit.Data;

/// <summary>How an <see cref="ImageFolderDataset"/> finds, decodes and scales its images.</summary>
/// <remarks>
/// Options are checked when the dataset is opened; a violation raises an
/// <see cref="ArgumentOutOfRangeException"/> that names the option and the value. The dataset keeps
/// its own copy, so changing these afterwards changes nothing.
/// </remarks>
public sealed class ImageFolderOptions
{
    /// <summary>Default of <see cref="ImageSize"/>: 64 pixels.</summary>
    internal const int DefaultImageSize = 64;

    /// <summary>Default of <see cref="Channels"/>: 3 (RGB).</summary>
    internal const int DefaultChannels = 3;

    /// <summary>Default of <see cref="PixelRange"/>: [-1, 1], the range of a <c>tanh</c> generator.</summary>
    internal const ImagePixelRange DefaultPixelRange = ImagePixelRange.MinusOneToOne;

    /// <summary>Default of <see cref="ClassFolders"/>: false.</summary>
    internal const bool DefaultClassFolders = false;

    /// <summary>Default of <see cref="UnreadableFiles"/>: <see cref="UnreadableImagePolicy.Throw"/>.</summary>
    internal const UnreadableImagePolicy DefaultUnreadableFiles = UnreadableImagePolicy.Throw;

    /// <summary>
    /// Default of <see cref="MaxImagePixels"/>: 4096 x 4096. Decoding holds the whole source image,
    /// 4 bytes a pixel, so this caps one decode at 64 MiB per worker.
    /// </summary>
    internal const long DefaultMaxImagePixels = 4096L * 4096L;

    /// <summary>The largest <see cref="ImageSize"/> accepted: 1024 pixels.</summary>
    public const int MaxImageSize = 1024;

    /// <summary>Gets or sets the side, in pixels, of the square every image is resized and centre-cropped to.</summary>
    /// <value>The default value is 64. Must be 1 to <see cref="MaxImageSize"/>.</value>
    /// <remarks>The shorter side is scaled to this size (bicubic), then the longer one is cropped about its centre.</remarks>
    public int ImageSize { get; set; } = DefaultImageSize;

    /// <summary>Gets or sets the number of channels: 1 converts to grayscale (luminance), 3 to RGB.</summary>
    /// <value>The default value is 3. Must be 1 or 3.</value>
    public int Channels { get; set; } = DefaultChannels;

    /// <summary>Gets or sets how pixel values are scaled.</summary>
    /// <value>The default value is <see cref="ImagePixelRange.MinusOneToOne"/>.</value>
    public ImagePixelRange PixelRange { get; set; } = DefaultPixelRange;

    /// <summary>
    /// Gets or sets whether each top-level subfolder is a class: its name becomes a class name and
    /// every image below it (at any depth) gets its label. Files directly in the root folder are then an error.
    /// </summary>
    /// <value>The default value is false: every image is of one class named after the folder.</value>
    public bool ClassFolders { get; set; } = DefaultClassFolders;

    /// <summary>Gets or sets what happens to a file that cannot be decoded, or whose dimensions exceed <see cref="MaxImagePixels"/>.</summary>
    /// <value>The default value is <see cref="UnreadableImagePolicy.Throw"/>.</value>
    public UnreadableImagePolicy UnreadableFiles { get; set; } = DefaultUnreadableFiles;

    /// <summary>
    /// Gets or sets the largest source image, width times height, that is decoded. Dimensions are read
    /// from the file's header before anything is decoded, so an oversized (or hostile) file never
    /// allocates its pixels.
    /// </summary>
    /// <value>The default value is 16,777,216. Must be positive.</value>
    public long MaxImagePixels { get; set; } = DefaultMaxImagePixels;

    /// <summary>
    /// Gets or sets a file that keeps decoded images between epochs and runs (see <see cref="DecodedImageCache"/>),
    /// or null for none.
    /// </summary>
    /// <value>The default value is null.</value>
    public string? CacheFile { get; set; }

    /// <summary>Checks every option.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range; the message names it and its value.</exception>
    internal void Validate()
    {
        if (ImageSize < 1 || ImageSize > MaxImageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(ImageSize), ImageSize, $"ImageSize must be 1 to {MaxImageSize} pixels; got {ImageSize}.");
        }

        if (Channels != 1 && Channels != 3)
        {
            throw new ArgumentOutOfRangeException(nameof(Channels), Channels, $"Channels must be 1 (grayscale) or 3 (RGB); got {Channels}.");
        }

        if (!Enum.IsDefined(PixelRange))
        {
            throw new ArgumentOutOfRangeException(nameof(PixelRange), PixelRange, $"PixelRange {PixelRange} is not a defined ImagePixelRange.");
        }

        if (!Enum.IsDefined(UnreadableFiles))
        {
            throw new ArgumentOutOfRangeException(nameof(UnreadableFiles), UnreadableFiles, $"UnreadableFiles {UnreadableFiles} is not a defined UnreadableImagePolicy.");
        }

        if (MaxImagePixels < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxImagePixels), MaxImagePixels, $"MaxImagePixels must be positive; got {MaxImagePixels}.");
        }
    }

    internal ImageFolderOptions Clone() => (ImageFolderOptions)MemberwiseClone();
}
