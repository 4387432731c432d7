using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanKit.Layers.Modules;

/// <summary>
/// The module of <see cref="ConditionalBatchNormLayer"/>: a batch norm without its own affine
/// step, then the label's gain and bias per channel.
/// </summary>
internal sealed class ConditionalBatchNormModule : ConditionalModule
{
    private readonly nn.Module<Tensor, Tensor> norm;
    private readonly Parameter gain;
    private readonly Parameter bias;
    private readonly long[] perSampleShape;

    public ConditionalBatchNormModule(long[] inputShape, int classCount, double epsilon, double pyTorchMomentum) : base(nameof(ConditionalBatchNormModule))
    {
        long channels = inputShape[0];
        norm = inputShape.Length == 1
            ? nn.BatchNorm1d(channels, eps: epsilon, momentum: pyTorchMomentum, affine: false)
            : nn.BatchNorm2d(channels, eps: epsilon, momentum: pyTorchMomentum, affine: false);
        gain = new Parameter(ones(classCount, channels));
        bias = new Parameter(zeros(classCount, channels));

        // Broadcast [N, C] over the spatial cells of an image.
        perSampleShape = inputShape.Length == 1 ? [-1, channels] : [-1, channels, 1, 1];
        RegisterComponents();
    }

    public override Tensor forward(Tensor input, Tensor labels)
    {
        using var scope = NewDisposeScope();
        var normalized = norm.call(input);
        var scale = gain.index_select(0, labels).view(perSampleShape);
        var shift = bias.index_select(0, labels).view(perSampleShape);
        return torch.addcmul(shift, normalized, scale, 1).MoveToOuterDisposeScope();
    }
}
