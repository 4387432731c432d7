using GanKit.Imaging;
using GanKit.TestSupport;
using GanKit.Tests.TestSupport;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using TorchSharp;

namespace GanKit.Tests.Imaging;

public sealed class ImageGridTests
{
    [Fact]
    public void Sixteen_images_make_a_padded_four_by_four_png_that_decodes()
    {
        using var dir = new TempDirectory();
        using var images = torch.rand(16, 1, 8, 8) * 2 - 1;
        string path = dir.Combine("grid.png");

        ImageGrid.SavePng(images, path, padding: 2);

        var info = Image.Identify(path);
        info.Width.Should().Be((4 * (8 + 2)) + 2);
        info.Height.Should().Be((4 * (8 + 2)) + 2);
        using var decoded = Image.Load<L8>(path);
        decoded.Width.Should().Be(42);
    }

    [Fact]
    public void Values_map_from_minus_one_one_to_bytes_and_tiles_go_row_by_row()
    {
        // Image n is filled with a value that identifies it; -1 -> 0, 0 -> 128 (round half to even of 127.5), 1 -> 255.
        var values = new[] { -1f, 0f, 1f, 2f, -5f };
        using var images = torch.stack(values.Select(v => torch.full(1, 3, 4, v)).ToArray());

        using var grid = (Image<L8>)ImageGrid.Render(images, columns: 2, padding: 1, paddingValue: 77);

        grid.Width.Should().Be((2 * (4 + 1)) + 1);
        grid.Height.Should().Be((3 * (3 + 1)) + 1);
        grid[1, 1].PackedValue.Should().Be(0);
        grid[6, 1].PackedValue.Should().Be(128);
        grid[1, 5].PackedValue.Should().Be(255);
        grid[6, 5].PackedValue.Should().Be(255, "2 is clamped to 1");
        grid[1, 9].PackedValue.Should().Be(0, "-5 is clamped to -1");
        grid[0, 0].PackedValue.Should().Be(77, "padding keeps its colour");
        grid[7, 10].PackedValue.Should().Be(77, "the empty last cell stays padding");
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(5, 3, 2)]
    [InlineData(7, 3, 3)]
    [InlineData(10, 4, 3)]
    public void Ragged_batches_of_any_size_are_tiled(int count, int columns, int rows)
    {
        using var images = torch.zeros(count, 1, 5, 6);
        using var grid = ImageGrid.Render(images, padding: 2);
        grid.Width.Should().Be((columns * (6 + 2)) + 2);
        grid.Height.Should().Be((rows * (5 + 2)) + 2);
    }

    [Fact]
    public void Three_channel_images_become_rgb()
    {
        using var images = torch.zeros(2, 3, 4, 4);
        images[0, 0] = torch.tensor(1f);
        images[1, 2] = torch.tensor(1f);
        using var grid = (Image<Rgb24>)ImageGrid.Render(images, padding: 0);
        grid[0, 0].Should().Be(new Rgb24(255, 128, 128));
        grid[4, 0].Should().Be(new Rgb24(128, 128, 255));
    }

    [Fact]
    public void Bad_shapes_are_rejected_with_the_shape_in_the_message()
    {
        using var twoChannels = torch.zeros(2, 2, 4, 4);
        FluentActions.Invoking(() => ImageGrid.Render(twoChannels)).Should().Throw<ArgumentException>().WithMessage("*[2, 2, 4, 4]*");
        using var empty = torch.zeros(0, 1, 4, 4);
        FluentActions.Invoking(() => ImageGrid.Render(empty)).Should().Throw<ArgumentException>();
        using var ok = torch.zeros(1, 1, 4, 4);
        FluentActions.Invoking(() => ImageGrid.Render(ok, padding: -1)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Animated_gif_holds_every_frame_at_the_grid_size()
    {
        using var dir = new TempDirectory();
        var frames = new List<string>();
        for (int i = 0; i < 3; i++)
        {
            using var images = torch.full(4, 1, 6, 6, -1f + i);
            string frame = dir.Combine($"epoch-{i:D4}.png");
            ImageGrid.SavePng(images, frame);
            frames.Add(frame);
        }

        string gifPath = dir.Combine("out", "progress.gif");
        AnimatedGif.Save(frames, gifPath, frameDelay: 20, lastFrameDelay: 100);

        using var gif = Image.Load<Rgba32>(gifPath);
        gif.Frames.Count.Should().Be(3);
        gif.Width.Should().Be((2 * (6 + 2)) + 2);
        gif.Frames[0].Metadata.GetGifMetadata().FrameDelay.Should().Be(20);
        gif.Frames[2].Metadata.GetGifMetadata().FrameDelay.Should().Be(100);
        gif.Frames[2][3, 3].R.Should().Be(255);
        gif.Frames[0][3, 3].R.Should().Be(0);
    }

    [Fact]
    public void Animated_gif_rejects_frames_of_different_sizes()
    {
        using var dir = new TempDirectory();
        using var small = torch.zeros(1, 1, 4, 4);
        using var large = torch.zeros(1, 1, 6, 6);
        ImageGrid.SavePng(small, dir.Combine("a.png"));
        ImageGrid.SavePng(large, dir.Combine("b.png"));
        FluentActions.Invoking(() => AnimatedGif.Save(new[] { dir.Combine("a.png"), dir.Combine("b.png") }, dir.Combine("x.gif")))
            .Should().Throw<ArgumentException>().WithMessage("*b.png*");
        FluentActions.Invoking(() => AnimatedGif.Save(Array.Empty<string>(), dir.Combine("x.gif"))).Should().Throw<ArgumentException>();
    }
}
