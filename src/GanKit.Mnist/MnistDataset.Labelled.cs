using System.Globalization;
using GanKit.Data;

namespace GanKit.Mnist;

// Labels as the library's labelled-dataset contract, so evaluators and conditional networks take MNIST like any folder.
public sealed partial class MnistDataset : ILabelledDataset
{
    private static readonly string[] DigitNames = Enumerable.Range(0, 10).Select(d => d.ToString(CultureInfo.InvariantCulture)).ToArray();

    /// <summary>Gets the number of classes: 10, the digits.</summary>
    public int ClassCount => DigitNames.Length;

    /// <summary>Gets the class names, <c>"0"</c> to <c>"9"</c>: label <c>d</c> is the digit <c>d</c>.</summary>
    public IReadOnlyList<string> ClassNames => DigitNames;
}
