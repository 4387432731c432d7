namespace GanKit.Layers;

/// <summary>
/// A layer that reads each sample's class label as well as its input, such as
/// <see cref="LabelEmbeddingLayer"/> or <see cref="ConditionalBatchNormLayer"/>. A network with one
/// or more of them is conditional: it takes <c>forward(input, labels)</c>, and its
/// <c>ClassCount</c> is the layers' common class count.
/// </summary>
/// <remarks>
/// <see cref="ILayer.CreateModule(long[])"/> must return a <see cref="ConditionalModule"/>; the
/// network checks this when it is built. A layer of your own plugs in the same way the built-in
/// ones do, through <see cref="NetworkBuilder{TBuilder}.Add(ILayer)"/>.
/// </remarks>
public interface IConditionalLayer : ILayer
{
    /// <summary>Gets the number of classes; labels are integers in <c>[0, ClassCount)</c>.</summary>
    int ClassCount { get; }
}
