namespace GanKit.Networks;

/// <summary>One row of a network's summary (like a row of Keras' <c>model.summary()</c>, plus MACs).</summary>
/// <param name="Index">Position of the layer in the network, from 0.</param>
/// <param name="Name">The module's registered name, the prefix of its parameter names (<c>layers.3</c>).</param>
/// <param name="Kind">The layer's kind, for example <c>ConvTranspose2d</c>.</param>
/// <param name="InputShape">Per-sample shape that enters the layer.</param>
/// <param name="OutputShape">Per-sample shape the layer produces.</param>
/// <param name="TrainableParameters">Elements of parameters that require gradient.</param>
/// <param name="NonTrainableParameters">Elements of frozen parameters and floating-point buffers (running statistics, spectral-norm vectors).</param>
/// <param name="MultiplyAccumulates">Multiply-accumulates per sample.</param>
/// <param name="ParameterBytes">Bytes the layer's parameters and buffers take in memory, at their own element sizes.</param>
public sealed record LayerSummary(
    int Index,
    string Name,
    string Kind,
    long[] InputShape,
    long[] OutputShape,
    long TrainableParameters,
    long NonTrainableParameters,
    long MultiplyAccumulates,
    long ParameterBytes);
