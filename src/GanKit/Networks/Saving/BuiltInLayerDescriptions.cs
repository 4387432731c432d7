using System.Globalization;
using GanKit.Layers;
using GanKit.Regularization;

namespace GanKit.Networks.Saving;

/// <summary>The descriptions of GanKit's own layers; what each constructor needs, as text.</summary>
/// <remarks>
/// Initializers are recorded for readers of the file but not restored: a loaded network's weights
/// come from the file. Regularizers are restored, because they change the training loss.
/// </remarks>
internal static class BuiltInLayerDescriptions
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void RegisterAll()
    {
        LayerDescriptions.Register<DenseLayer>("Dense", l => Kernel(l, ("units", Long(l.Units))), p => new DenseLayer(Long(p, "units"), Bool(p, "bias"), null, RegularizerOf(p), Bool(p, "spectralNorm")));
        LayerDescriptions.Register<Conv2dLayer>("Conv2d", Convolution, p => new Conv2dLayer(Long(p, "filters"), Long(p, "kernel"), Long(p, "stride"), PaddingOf(p), Bool(p, "bias"), null, RegularizerOf(p), Bool(p, "spectralNorm")));
        LayerDescriptions.Register<ConvTranspose2dLayer>("ConvTranspose2d", Convolution, p => new ConvTranspose2dLayer(Long(p, "filters"), Long(p, "kernel"), Long(p, "stride"), PaddingOf(p), Bool(p, "bias"), null, RegularizerOf(p), Bool(p, "spectralNorm")));
        LayerDescriptions.Register<BatchNormLayer>("BatchNorm", l => Props(("epsilon", Double(l.Epsilon)), ("momentum", Double(l.Momentum))), p => new BatchNormLayer(Double(p, "epsilon"), Double(p, "momentum")));
        LayerDescriptions.Register<LeakyReLULayer>("LeakyReLU", l => Props(("slope", Double(l.Slope))), p => new LeakyReLULayer(Double(p, "slope")));
        LayerDescriptions.Register<DropoutLayer>("Dropout", l => Props(("probability", Double(l.Probability))), p => new DropoutLayer(Double(p, "probability")));
        LayerDescriptions.Register<ReshapeLayer>("Reshape", l => Props(("shape", string.Join(",", l.Shape.Select(Long)))), p => new ReshapeLayer(Required(p, "shape").Split(',').Select(s => long.Parse(s, Invariant)).ToArray()));
        LayerDescriptions.Register<UpsampleLayer>("Upsample", l => Props(("scale", Long(l.Scale))), p => new UpsampleLayer(Long(p, "scale")));
        LayerDescriptions.Register<FlattenLayer>("Flatten", _ => Props(), _ => new FlattenLayer());
        LayerDescriptions.Register<ReLULayer>("ReLU", _ => Props(), _ => new ReLULayer());
        LayerDescriptions.Register<TanhLayer>("Tanh", _ => Props(), _ => new TanhLayer());
        LayerDescriptions.Register<SigmoidLayer>("Sigmoid", _ => Props(), _ => new SigmoidLayer());
        LayerDescriptions.Register<LabelEmbeddingLayer>("LabelEmbedding", l => Props(("classes", Long(l.ClassCount)), ("dimensions", Long(l.Dimensions))), p => new LabelEmbeddingLayer(Int(p, "classes"), Long(p, "dimensions")));
        LayerDescriptions.Register<ConditionalBatchNormLayer>("ConditionalBatchNorm", l => Props(("classes", Long(l.ClassCount)), ("epsilon", Double(l.Epsilon)), ("momentum", Double(l.Momentum))), p => new ConditionalBatchNormLayer(Int(p, "classes"), Double(p, "epsilon"), Double(p, "momentum")));
        LayerDescriptions.Register<LabelMapsLayer>("LabelMaps", l => Props(("classes", Long(l.ClassCount))), p => new LabelMapsLayer(Int(p, "classes")));
        LayerDescriptions.Register<ProjectionLayer>("Projection", l => Props(("classes", Long(l.ClassCount))), p => new ProjectionLayer(Int(p, "classes")));
        LayerDescriptions.Register<AuxiliaryClassifierLayer>("AuxiliaryClassifier", l => Props(("classes", Long(l.ClassCount))), p => new AuxiliaryClassifierLayer(Int(p, "classes")));
    }

    private static IReadOnlyDictionary<string, string> Convolution(ConvolutionLayer l) => Kernel(
        l,
        ("filters", Long(l.Filters)),
        ("kernel", Long(l.KernelSize)),
        ("stride", Long(l.Stride)),
        ("padding", l.Padding.IsSame ? "same" : Long(l.Padding.Amount)));

    private static IReadOnlyDictionary<string, string> Kernel(KernelLayer l, params (string Key, string Value)[] own) => Props(
        own.Concat(new[]
        {
            ("bias", l.UseBias ? "true" : "false"),
            ("initializer", l.Initializer.ToString() ?? l.Initializer.GetType().Name),
            ("regularizer", l.Regularizer switch
            {
                null => "none",
                L2Regularizer l2 => "L2(" + Double(l2.Coefficient) + ")",
                var other => throw new NotSupportedException($"The regularizer {other.GetType().Name} cannot be saved; GanKit saves L2 regularizers only."),
            }),
            ("spectralNorm", l.SpectralNorm ? "true" : "false"),
        }).ToArray());

    private static Dictionary<string, string> Props(params (string Key, string Value)[] pairs) => pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    private static Regularizer? RegularizerOf(IReadOnlyDictionary<string, string> p)
    {
        string text = Required(p, "regularizer");
        if (text == "none")
        {
            return null;
        }

        if (text.StartsWith("L2(", StringComparison.Ordinal) && text.EndsWith(')'))
        {
            return new L2Regularizer(double.Parse(text[3..^1], NumberStyles.Float, Invariant));
        }

        throw new FormatException($"regularizer '{text}' is not 'none' or 'L2(c)'");
    }

    private static ConvolutionPadding PaddingOf(IReadOnlyDictionary<string, string> p)
    {
        string text = Required(p, "padding");
        return text == "same" ? ConvolutionPadding.Same : ConvolutionPadding.Explicit(long.Parse(text, Invariant));
    }

    private static string Required(IReadOnlyDictionary<string, string> p, string key) =>
        p.TryGetValue(key, out string? value) ? value : throw new FormatException($"the setting '{key}' is missing");

    private static long Long(IReadOnlyDictionary<string, string> p, string key) => long.Parse(Required(p, key), Invariant);

    private static int Int(IReadOnlyDictionary<string, string> p, string key) => int.Parse(Required(p, key), Invariant);

    private static double Double(IReadOnlyDictionary<string, string> p, string key) => double.Parse(Required(p, key), NumberStyles.Float, Invariant);

    private static bool Bool(IReadOnlyDictionary<string, string> p, string key) => Required(p, key) switch
    {
        "true" => true,
        "false" => false,
        var other => throw new FormatException($"the setting '{key}' is '{other}', not true or false"),
    };

    private static string Long(long value) => value.ToString(Invariant);

    private static string Double(double value) => value.ToString("R", Invariant);
}
