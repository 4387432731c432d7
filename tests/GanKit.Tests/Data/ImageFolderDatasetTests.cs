using GanKit.Data;
using GanKit.TestSupport;
using GanKit.Tests.TestSupport;
using Microsoft.Extensions.Logging;
using SixLabors.ImageSharp.PixelFormats;
using static TorchSharp.torch;

namespace GanKit.Tests.Data;

public sealed class ImageFolderDatasetTests
{
    private static readonly Rgb24 Red = new(255, 0, 0);
    private static readonly Rgb24 Green = new(0, 255, 0);
    private static readonly Rgb24 Blue = new(0, 0, 255);

    private static float[] Values(Tensor t)
    {
        using var flat = t.flatten();
        return flat.data<float>().ToArray();
    }

    [Fact]
    public void Every_format_is_read_recursively_in_ordinal_order_of_relative_paths()
    {
        using var dir = new TempDirectory();
        ImageFiles.Solid(dir.Combine("b", "deep", "one.webp"), 12, 12, Red);
        ImageFiles.Solid(dir.Combine("B.gif"), 12, 12, Green);
        ImageFiles.Solid(dir.Combine("a.bmp"), 12, 12, Blue);
        ImageFiles.Solid(dir.Combine("a.JPEG"), 12, 12, Red);
        ImageFiles.Solid(dir.Combine("c.jpg"), 12, 12, Green);
        ImageFiles.Solid(dir.Combine("b", "z.png"), 12, 12, Blue);
        File.WriteAllText(dir.Combine("notes.txt"), "not an image and not listed");

        using var dataset = ImageFolderDataset.Open(dir.Path, new ImageFolderOptions { ImageSize = 8 });

        dataset.Files.Should().Equal("B.gif", "a.JPEG", "a.bmp", "b/deep/one.webp", "b/z.png", "c.jpg");
        dataset.ImageShape.Should().Equal(3, 8, 8);
        dataset.ClassCount.Should().Be(1);
        using var gif = dataset.Decode(0);
        gif.shape.Should().Equal(3, 8, 8);
        Values(gif[1]).Should().OnlyContain(v => Math.Abs(v - 1f) < 1e-4, "the GIF is pure green");
        Values(gif[0]).Should().OnlyContain(v => Math.Abs(v + 1f) < 1e-4);
        using var jpeg = dataset.Decode(1);
        Values(jpeg[0]).Average().Should().BeApproximately(1f, 0.05f, "the JPEG is red, give or take compression");
    }

    [Fact]
    public void A_wide_image_is_scaled_to_its_height_and_cropped_about_its_centre()
    {
        using var dir = new TempDirectory();

        // 30x10: red, green and blue thirds. Cropped to 10x10 about the centre, only green is left.
        ImageFiles.Pattern(dir.Combine("wide.png"), 30, 10, (x, _) => x < 10 ? Red : x < 20 ? Green : Blue);
        // 8x16, scaled down to 4x8, then the middle 4x4 (rows 2 to 5) is kept: all of it from the middle half.
        ImageFiles.Pattern(dir.Combine("tall.png"), 8, 16, (_, y) => y >= 4 && y < 12 ? Green : Red);

        using var dataset = ImageFolderDataset.Open(dir.Path, new ImageFolderOptions { ImageSize = 10, PixelRange = ImagePixelRange.ZeroToOne });
        using var wide = dataset.Decode(dataset.Files.ToList().IndexOf("wide.png"));
        Values(wide[1]).Should().OnlyContain(v => v > 0.97f);
        Values(wide[0]).Should().OnlyContain(v => v < 0.03f);
        Values(wide[2]).Should().OnlyContain(v => v < 0.03f);

        using var tallSet = ImageFolderDataset.Open(dir.Path, new ImageFolderOptions { ImageSize = 4, PixelRange = ImagePixelRange.ZeroToOne });
        using var tall = tallSet.Decode(tallSet.Files.ToList().IndexOf("tall.png"));
        Values(tall[1]).Average().Should().BeGreaterThan(0.9f, "the kept rows come from the green middle");
    }

    [Fact]
    public void Grayscale_and_both_pixel_ranges_scale_the_byte_values()
    {
        using var dir = new TempDirectory();
        ImageFiles.Solid(dir.Combine("gray.png"), 8, 8, new Rgb24(51, 51, 51));

        using var unit = ImageFolderDataset.Open(dir.Path, new ImageFolderOptions { ImageSize = 8, Channels = 1, PixelRange = ImagePixelRange.ZeroToOne });
        unit.ImageShape.Should().Equal(1, 8, 8);
        using var u = unit.Decode(0);
        Values(u).Should().OnlyContain(v => Math.Abs(v - 0.2f) < 1e-6);

        using var symmetric = ImageFolderDataset.Open(dir.Path, new ImageFolderOptions { ImageSize = 8, Channels = 1 });
        using var s = symmetric.Decode(0);
        Values(s).Should().OnlyContain(v => Math.Abs(v - ((51 / 127.5f) - 1f)) < 1e-6);
    }

    [Fact]
    public void The_tensor_dataset_holds_every_image_in_dataset_order()
    {
        using var dir = new TempDirectory();
        for (int i = 0; i < 5; i++)
        {
            ImageFiles.RandomGray(dir.Combine($"img{i}.png"), 8, seed: i);
        }

        using var dataset = ImageFolderDataset.Open(dir.Path, new ImageFolderOptions { ImageSize = 8, Channels = 1 });
        using var all = dataset.ToTensorDataset();
        all.Images.shape.Should().Equal(5, 1, 8, 8);
        for (int i = 0; i < 5; i++)
        {
            using var one = dataset.Decode(i);
            using var row = all.Images[i];
            TensorAssert.Identical(row, one).Should().BeTrue($"row {i} is file {dataset.Files[i]}");
        }
    }

    public static TheoryData<string, string> BadFiles => new()
    {
        { "zero-byte.png", "zero" },
        { "text.png", "text" },
        { "truncated.png", "truncated" },
        { "truncated.jpg", "truncated" },
        { "garbage.jpg", "garbage" },
    };

    private static void WriteBad(TempDirectory dir, string name, string kind)
    {
        string path = dir.Combine(name);
        switch (kind)
        {
            case "zero": File.WriteAllBytes(path, Array.Empty<byte>()); break;
            case "text": File.WriteAllText(path, "this is not a picture, whatever the name says"); break;
            case "truncated": ImageFiles.Truncated(path, 64, 64, keep: 0.4); break;
            case "garbage":
                // A JPEG start-of-image marker followed by noise: the header promises an image that is not there.
                var random = new Random(5);
                var bytes = new byte[600];
                random.NextBytes(bytes);
                bytes[0] = 0xFF;
                bytes[1] = 0xD8;
                File.WriteAllBytes(path, bytes);
                break;
        }
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void An_unreadable_file_is_an_invalid_data_error_naming_it(string name, string kind)
    {
        using var dir = new TempDirectory();
        ImageFiles.Solid(dir.Combine("good.png"), 8, 8, Red);
        WriteBad(dir, name, kind);

        FluentActions.Invoking(() =>
            {
                using var dataset = ImageFolderDataset.Open(dir.Path, new ImageFolderOptions { ImageSize = 8 });

                // A truncated file may pass its header check; it then fails when decoded.
                using var all = dataset.ToTensorDataset();
            })
            .Should().Throw<InvalidDataException>().WithMessage($"*{name}*");
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void With_skip_an_unreadable_file_is_left_out_counted_and_logged(string name, string kind)
    {
        using var dir = new TempDirectory();
        ImageFiles.Solid(dir.Combine("good.png"), 8, 8, Red);
        ImageFiles.Solid(dir.Combine("more", "good.bmp"), 8, 8, Red);
        WriteBad(dir, name, kind);
        var logger = new RecordingLogger<ImageFolderDataset>();

        using var dataset = ImageFolderDataset.Open(dir.Path, new ImageFolderOptions { ImageSize = 8, UnreadableFiles = UnreadableImagePolicy.Skip }, logger);

        dataset.Count.Should().Be(2);
        dataset.SkippedFiles.Should().Equal(name);
        logger.Entries.Should().ContainSingle(e => e.Level == LogLevel.Warning && e.Message.Contains(name, StringComparison.Ordinal));
        using var all = dataset.ToTensorDataset();
        all.Count.Should().Be(2);
    }

    [Fact]
    public void A_whole_jpeg_with_bytes_appended_after_its_end_marker_still_reads()
    {
        using var dir = new TempDirectory();
        string path = ImageFiles.Solid(dir.Combine("camera.jpg"), 16, 16, Green);
        File.AppendAllText(path, "trailing data some cameras append");

        using var dataset = ImageFolderDataset.Open(dir.Path, new ImageFolderOptions { ImageSize = 8 });
        using var image = dataset.Decode(0);
        Values(image[1]).Average().Should().BeApproximately(1f, 0.05f);
    }

    [Fact]
    public void Huge_dimensions_are_refused_from_the_header_before_any_pixel_is_decoded()
    {
        using var dir = new TempDirectory();
        ImageFiles.Solid(dir.Combine("good.png"), 8, 8, Red);

        // 100,000 x 100,000 RGB would need 30 GB to decode; the file itself is 57 bytes.
        ImageFiles.PngHeaderOnly(dir.Combine("bomb.png"), 100_000, 100_000);

        FluentActions.Invoking(() => ImageFolderDataset.Open(dir.Path, new ImageFolderOptions { ImageSize = 8 }))
            .Should().Throw<InvalidDataException>().WithMessage("*bomb.png*100000x100000*MaxImagePixels*");

        using var skipping = ImageFolderDataset.Open(dir.Path, new ImageFolderOptions { ImageSize = 8, UnreadableFiles = UnreadableImagePolicy.Skip });
        skipping.SkippedFiles.Should().Equal("bomb.png");
    }

    [Fact]
    public void The_pixel_limit_is_an_option()
    {
        using var dir = new TempDirectory();
        ImageFiles.Solid(dir.Combine("twenty.png"), 20, 20, Red);

        FluentActions.Invoking(() => ImageFolderDataset.Open(dir.Path, new ImageFolderOptions { ImageSize = 8, MaxImagePixels = 399 }))
            .Should().Throw<InvalidDataException>().WithMessage("*twenty.png*20x20*399*");
        using var allowed = ImageFolderDataset.Open(dir.Path, new ImageFolderOptions { ImageSize = 8, MaxImagePixels = 400 });
        allowed.Count.Should().Be(1);

        // A file far larger than any image within the limit is not read whole into memory.
        File.AppendAllText(dir.Combine("twenty.png"), new string('x', (400 * 8) + (1 << 20)));
        using var padded = ImageFolderDataset.Open(dir.Path, new ImageFolderOptions { ImageSize = 8, MaxImagePixels = 400 });
        FluentActions.Invoking(() => padded.Decode(0)).Should().Throw<InvalidDataException>().WithMessage("*twenty.png*bytes*MaxImagePixels*");
    }

    [Fact]
    public void An_empty_folder_or_one_without_a_readable_image_is_an_error_naming_the_folder()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.Combine("readme.txt"), "no images here");

        FluentActions.Invoking(() => ImageFolderDataset.Open(dir.Path))
            .Should().Throw<InvalidDataException>().WithMessage($"*'{dir.Path}'*no PNG, JPEG*");

        File.WriteAllBytes(dir.Combine("empty.png"), Array.Empty<byte>());
        FluentActions.Invoking(() => ImageFolderDataset.Open(dir.Path, new ImageFolderOptions { UnreadableFiles = UnreadableImagePolicy.Skip }))
            .Should().Throw<InvalidDataException>().WithMessage($"*'{dir.Path}'*1 image files but none can be read*empty.png*");

        FluentActions.Invoking(() => ImageFolderDataset.Open(dir.Combine("missing")))
            .Should().Throw<DirectoryNotFoundException>().WithMessage("*missing*");
    }

    [Fact]
    public void Top_level_subfolders_become_classes_in_ordinal_order()
    {
        using var dir = new TempDirectory();
        ImageFiles.Solid(dir.Combine("dogs", "a.png"), 8, 8, Red);
        ImageFiles.Solid(dir.Combine("cats", "b.png"), 8, 8, Green);
        ImageFiles.Solid(dir.Combine("cats", "kittens", "c.png"), 8, 8, Green);
        ImageFiles.Solid(dir.Combine("birds", "d.jpg"), 8, 8, Blue);

        using var dataset = ImageFolderDataset.Open(dir.Path, new ImageFolderOptions { ImageSize = 8, ClassFolders = true });

        dataset.ClassNames.Should().Equal("birds", "cats", "dogs");
        dataset.Files.Should().Equal("birds/d.jpg", "cats/b.png", "cats/kittens/c.png", "dogs/a.png");
        dataset.Labels.data<long>().ToArray().Should().Equal(0, 1, 1, 2);
        dataset.LabelOf(3).Should().Be(2);
        ((ILabelledDataset)dataset).ClassCount.Should().Be(3);

        ImageFiles.Solid(dir.Combine("loose.png"), 8, 8, Red);
        FluentActions.Invoking(() => ImageFolderDataset.Open(dir.Path, new ImageFolderOptions { ImageSize = 8, ClassFolders = true }))
            .Should().Throw<InvalidDataException>().WithMessage("*ClassFolders*loose.png*");
    }

    [Fact]
    public void Options_have_documented_defaults_and_name_a_bad_value()
    {
        var options = new ImageFolderOptions();
        options.ImageSize.Should().Be(64);
        options.Channels.Should().Be(3);
        options.PixelRange.Should().Be(ImagePixelRange.MinusOneToOne);
        options.ClassFolders.Should().BeFalse();
        options.UnreadableFiles.Should().Be(UnreadableImagePolicy.Throw);
        options.MaxImagePixels.Should().Be(4096L * 4096L);
        options.CacheFile.Should().BeNull();

        FluentActions.Invoking(() => new ImageFolderOptions { Channels = 2 }.Validate())
            .Should().Throw<ArgumentOutOfRangeException>().WithMessage("*Channels*2*");
        FluentActions.Invoking(() => new ImageFolderOptions { ImageSize = 0 }.Validate())
            .Should().Throw<ArgumentOutOfRangeException>().WithMessage("*ImageSize*0*");
    }
}
