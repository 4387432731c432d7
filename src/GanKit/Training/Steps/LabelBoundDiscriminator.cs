using GanKit.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Training.Steps;

/// <summary>
/// A conditional discriminator seen as a plain module of the images, with the labels fixed, so an
/// input-gradient penalty (which takes any <c>Module&lt;Tensor, Tensor&gt;</c>) differentiates it
/// with respect to the images alone.
/// </summary>
internal sealed class LabelBoundDiscriminator(DiscriminatorNetwork discriminator, Tensor labels) : nn.Module<Tensor, Tensor>(nameof(LabelBoundDiscriminator))
{
    public override Tensor forward(Tensor input) => discriminator.forward(input, labels);
}
