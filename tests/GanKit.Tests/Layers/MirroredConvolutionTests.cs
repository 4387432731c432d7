using GanKit.Layers;
using GanKit.Layers.Modules;
using GanKit.Networks;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace GanKit.Tests.Layers;

/// <summary>
/// The convolution modules compute Keras' asymmetric 'same' padding in the mirror image; these
/// tests hold the result, forward and backward, to the explicit computation (pad the input by a
/// copy, or compute the larger transposed output and crop it) on random inputs.
/// </summary>
public class MirroredConvolutionTests
{
    /// <summary>The largest difference allowed, relative to the largest magnitude of the expected tensor: float32 rounding.</summary>
    private const double Tolerance = 1e-5;

    public static TheoryData<long, long, long, string> ConvolutionCases => new()
    {
        { 28, 5, 2, "same" },
        { 14, 5, 2, "same" },
        { 7, 5, 2, "same" },
        { 10, 4, 3, "same" },
        { 8, 4, 1, "same" },
        { 28, 5, 1, "same" },
        { 6, 2, 2, "same" },
        { 12, 3, 2, "valid" },
        { 12, 3, 2, "1" },
    };

    public static TheoryData<long, long, long, string> TransposedCases => new()
    {
        { 7, 5, 2, "same" },
        { 14, 5, 2, "same" },
        { 7, 5, 1, "same" },
        { 5, 3, 2, "same" },
        { 6, 4, 3, "same" },
        { 5, 4, 2, "same" },
        { 5, 1, 2, "same" },
        { 7, 5, 2, "valid" },
        { 7, 2, 3, "valid" },
        { 7, 5, 2, "1" },
    };

    [Theory]
    [MemberData(nameof(ConvolutionCases))]
    public void Convolution_matches_the_explicitly_padded_one(long size, long kernel, long stride, string padding)
    {
        using var _ = NewDisposeScope();
        manual_seed(11);
        var layer = new Conv2dLayer(5, kernel, stride, Parse(padding));
        var module = layer.CreateModule([3, size, size]);
        var (weight, bias) = WeightAndBias(module);
        var h = layer.Padding.ForConvolution(size, kernel, stride, layer.Kind);
        Tensor Reference(Tensor x) => F.conv2d(F.pad(x, [h.Before, h.After, h.Before, h.After]), weight, bias, strides: [stride, stride]);

        ExpectSameForwardAndBackward(module, Reference, randn(4, 3, size, size), [weight, bias!]);
    }

    [Theory]
    [MemberData(nameof(TransposedCases))]
    public void Transposed_convolution_matches_the_cropped_one(long size, long kernel, long stride, string padding)
    {
        using var _ = NewDisposeScope();
        manual_seed(12);
        var layer = new ConvTranspose2dLayer(5, kernel, stride, Parse(padding));
        var module = layer.CreateModule([3, size, size]);
        var (weight, bias) = WeightAndBias(module);
        var h = layer.Padding.ForTransposedConvolution(size, kernel, stride, layer.Kind);
        Tensor Reference(Tensor x) => F.conv_transpose2d(x, weight, bias, strides: [stride, stride], padding: [h.Padding, h.Padding], output_padding: [h.OutputPadding, h.OutputPadding])
            .narrow(2, 0, h.Output).narrow(3, 0, h.Output);

        ExpectSameForwardAndBackward(module, Reference, randn(4, 3, size, size), [weight, bias!]);
    }

    [Fact]
    public void Spectrally_normalised_convolutions_match_too()
    {
        using var _ = NewDisposeScope();
        manual_seed(13);
        var conv = new Conv2dLayer(6, 5, 2, Padding.Same, spectralNorm: true).CreateModule([3, 14, 14]);
        var deconv = new ConvTranspose2dLayer(6, 5, 2, Padding.Same, spectralNorm: true).CreateModule([3, 7, 7]);
        conv.eval();
        deconv.eval();
        var (convWeight, convBias) = WeightAndBias(conv);
        var (deconvWeight, deconvBias) = WeightAndBias(deconv);
        var convU = conv.named_buffers().Single(b => b.name == "spectral_u").buffer;
        var deconvU = deconv.named_buffers().Single(b => b.name == "spectral_u").buffer;
        Tensor ConvReference(Tensor x) => F.conv2d(F.pad(x, [1, 2, 1, 2]), SpectralNormalization.Normalize(convWeight, convU, 0, training: false), convBias, strides: [2, 2]);
        Tensor DeconvReference(Tensor x) => F.conv_transpose2d(x, SpectralNormalization.Normalize(deconvWeight, deconvU, 1, training: false), deconvBias, strides: [2, 2], padding: [1, 1])
            .narrow(2, 0, 14).narrow(3, 0, 14);

        ExpectSameForwardAndBackward(conv, ConvReference, randn(2, 3, 14, 14), [convWeight, convBias!]);
        ExpectSameForwardAndBackward(deconv, DeconvReference, randn(2, 3, 7, 7), [deconvWeight, deconvBias!]);
    }

    [Fact]
    public void A_chain_of_convolutions_reverses_only_at_its_ends()
    {
        using var _ = NewDisposeScope();
        using var network = Discriminator();
        var convolutions = Convolutions(network);

        convolutions.Should().HaveCount(2);
        convolutions.Should().OnlyContain(c => c.IsMirrored);
        convolutions[0].ReversesInput.Should().BeTrue();
        convolutions[0].ReversesOutput.Should().BeFalse();
        convolutions[1].ReversesInput.Should().BeFalse();
        convolutions[1].ReversesOutput.Should().BeTrue();
    }

    [Fact]
    public void A_chain_without_asymmetric_padding_stays_direct()
    {
        using var _ = NewDisposeScope();
        using var network = new DiscriminatorBuilder(2, 9, 9).Conv2d(4, 3, 1, Padding.Same).LeakyReLU().Conv2d(4, 3, 2, Padding.Valid).Flatten().Dense(1).Build();

        Convolutions(network).Should().OnlyContain(c => !c.IsMirrored);
    }

    [Fact]
    public void Discriminator_matches_the_explicit_computation_layer_by_layer()
    {
        using var _ = NewDisposeScope();
        manual_seed(14);
        using var network = Discriminator();

        // Evaluation mode: dropout masks would fall on other cells in the mirror image.
        network.eval();
        ExpectNetworkMatchesReference(network, randn(3, 1, 28, 28));
    }

    [Fact]
    public void Generator_matches_the_explicit_computation_layer_by_layer_in_training_mode()
    {
        using var _ = NewDisposeScope();
        manual_seed(15);
        using var network = new GeneratorBuilder(8)
            .Dense(7 * 7 * 6, bias: false).BatchNorm().LeakyReLU()
            .Reshape(6, 7, 7)
            .ConvTranspose2d(5, 5, 1, Padding.Same, bias: false).BatchNorm().LeakyReLU()
            .ConvTranspose2d(4, 5, 2, Padding.Same, bias: false).BatchNorm().LeakyReLU()
            .ConvTranspose2d(3, 5, 2, Padding.Same, bias: false).BatchNorm().LeakyReLU()
            .ConvTranspose2d(1, 5, 1, Padding.Same, bias: false).Tanh()
            .Build();
        Convolutions(network).Should().OnlyContain(c => c.IsMirrored);

        // Batch statistics in training mode do not depend on the running ones, so both passes see the same.
        network.train();
        ExpectNetworkMatchesReference(network, randn(6, 8));
    }

    private static DiscriminatorNetwork Discriminator() => new DiscriminatorBuilder(1, 28, 28)
        .Conv2d(6, 5, 2, Padding.Same).LeakyReLU().Dropout(0.3)
        .Conv2d(8, 5, 2, Padding.Same).LeakyReLU().Dropout(0.3)
        .Flatten()
        .Dense(1)
        .Build();

    private static ConvolutionPadding Parse(string padding) => padding switch
    {
        "same" => Padding.Same,
        "valid" => Padding.Valid,
        _ => long.Parse(padding, System.Globalization.CultureInfo.InvariantCulture),
    };

    private static (Tensor Weight, Tensor? Bias) WeightAndBias(nn.Module module)
    {
        var parameters = module.named_parameters().ToDictionary(p => p.name, p => (Tensor)p.parameter);
        return (parameters["weight"], parameters.GetValueOrDefault("bias"));
    }

    private static List<IMirrorableConvolution> Convolutions(LayerStackNetwork network) =>
        network.modules().OfType<IMirrorableConvolution>().ToList();

    private static void ExpectSameForwardAndBackward(nn.Module<Tensor, Tensor> module, Func<Tensor, Tensor> reference, Tensor input, Tensor[] parameters)
    {
        var (actual, actualGradients) = ForwardAndBackward(module.call, input, parameters);
        var (expected, expectedGradients) = ForwardAndBackward(reference, input, parameters);

        actual.shape.Should().Equal(expected.shape);
        ExpectClose(actual, expected, "the output");
        for (int i = 0; i < actualGradients.Length; i++)
        {
            ExpectClose(actualGradients[i], expectedGradients[i], $"gradient {i}");
        }
    }

    private static void ExpectClose(Tensor actual, Tensor expected, string what)
    {
        actual.shape.Should().Equal(expected.shape, what);
        double scale = Math.Max(expected.abs().max().item<float>(), 1e-3);
        double difference = actual.sub(expected).abs().max().item<float>();
        (difference / scale).Should().BeLessThan(Tolerance, $"{what} must match (largest difference {difference:g3} at a largest magnitude of {scale:g3})");
    }

    /// <summary>Runs the network, then the same layers one by one with each convolution computed explicitly.</summary>
    private static void ExpectNetworkMatchesReference(LayerStackNetwork network, Tensor input)
    {
        var modules = network.named_modules().Where(m => m.name.StartsWith("layers.", StringComparison.Ordinal) && m.name.IndexOf('.', 7) < 0)
            .OrderBy(m => int.Parse(m.name.AsSpan(7), System.Globalization.CultureInfo.InvariantCulture))
            .Select(m => (nn.Module<Tensor, Tensor>)m.module)
            .ToArray();
        var definitions = network.Definitions;
        var shapes = network.Layers.Select(l => l.InputShape).ToArray();
        Tensor Reference(Tensor x)
        {
            for (int i = 0; i < modules.Length; i++)
            {
                x = definitions[i] switch
                {
                    Conv2dLayer conv => ExplicitConvolution(conv, modules[i], shapes[i], x),
                    ConvTranspose2dLayer deconv => ExplicitTransposed(deconv, modules[i], shapes[i], x),
                    _ => modules[i].call(x),
                };
            }

            return x;
        }

        var parameters = network.parameters().Select(p => (Tensor)p).ToArray();
        var (actual, actualGradients) = ForwardAndBackward(network.call, input, parameters);
        var (expected, expectedGradients) = ForwardAndBackward(Reference, input, parameters);
        ExpectClose(actual, expected, "the network's output");
        for (int i = 0; i < actualGradients.Length; i++)
        {
            ExpectClose(actualGradients[i], expectedGradients[i], $"gradient {i}");
        }
    }

    private static Tensor ExplicitConvolution(Conv2dLayer layer, nn.Module module, long[] input, Tensor x)
    {
        var (weight, bias) = WeightAndBias(module);
        var h = layer.Padding.ForConvolution(input[1], layer.KernelSize, layer.Stride, layer.Kind);
        var w = layer.Padding.ForConvolution(input[2], layer.KernelSize, layer.Stride, layer.Kind);
        return F.conv2d(F.pad(x, [w.Before, w.After, h.Before, h.After]), weight, bias, strides: [layer.Stride, layer.Stride]);
    }

    private static Tensor ExplicitTransposed(ConvTranspose2dLayer layer, nn.Module module, long[] input, Tensor x)
    {
        var (weight, bias) = WeightAndBias(module);
        var h = layer.Padding.ForTransposedConvolution(input[1], layer.KernelSize, layer.Stride, layer.Kind);
        var w = layer.Padding.ForTransposedConvolution(input[2], layer.KernelSize, layer.Stride, layer.Kind);
        return F.conv_transpose2d(x, weight, bias, strides: [layer.Stride, layer.Stride], padding: [h.Padding, w.Padding], output_padding: [h.OutputPadding, w.OutputPadding])
            .narrow(2, 0, h.Output).narrow(3, 0, w.Output);
    }

    /// <returns>The output, then the gradients of the input and of <paramref name="parameters"/> for a fixed random upstream gradient.</returns>
    private static (Tensor Output, Tensor[] Gradients) ForwardAndBackward(Func<Tensor, Tensor> function, Tensor input, Tensor[] parameters)
    {
        var x = input.detach().requires_grad_(true);
        var y = function(x);
        using var seed = new torch.Generator(99);
        var upstream = randn(y.shape, generator: seed);
        var sources = parameters.Where(p => p is not null).Prepend(x).ToArray();
        var gradients = torch.autograd.grad([y.mul(upstream).sum()], sources);
        return (y.detach(), gradients.Select(g => g.detach()).ToArray());
    }
}
