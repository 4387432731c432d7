using GanKit.Samples.Dcgan.Runs;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Samples.Tests.Runs;

public class TrainedGeneratorTests
{
    [Fact]
    public void Sample_draws_in_chunks_and_concatenates_on_the_cpu()
    {
        var requested = new List<int>();
        Tensor Generate(int n)
        {
            requested.Add(n);
            return torch.full(new long[] { n, 1, 2, 2 }, (float)requested.Count);
        }

        using var images = TrainedGenerator.Sample(Generate, count: 1100, chunk: 500);

        requested.Should().Equal(500, 500, 100);
        images.shape.Should().Equal(1100, 1, 2, 2);
        images[1099].mean().item<float>().Should().Be(3, "the last rows come from the third chunk");
    }

    [Fact]
    public void The_report_architectures_build_with_the_keras_parameter_counts()
    {
        var (generator, discriminator) = Architectures.Create("original");
        using (generator)
        using (discriminator)
        {
            // Keras' summary of the tutorial: 2,305,472 trainable generator and 212,865 discriminator parameters.
            generator.TrainableParameterCount.Should().Be(2_305_472);
            discriminator.TrainableParameterCount.Should().Be(212_865);
        }

        var act = () => Architectures.Create("resnet");
        act.Should().Throw<ArgumentException>().WithMessage("Unknown architecture 'resnet'*");
    }
}
