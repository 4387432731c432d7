using static TorchSharp.torch;

namespace GanKit.Tests.TestSupport;

internal static class TensorAssert
{
    /// <summary>Same shape, same dtype and every element equal (torch.equal semantics).</summary>
    public static bool Identical(Tensor a, Tensor b)
    {
        if (!a.shape.SequenceEqual(b.shape) || a.dtype != b.dtype)
        {
            return false;
        }

        using var equal = TorchSharp.torch.equal(a, b);
        using var all = equal.all();
        return all.item<bool>();
    }

    /// <summary>Whether <paramref name="a"/> and <paramref name="b"/> have one shape and differ nowhere by more than <paramref name="tolerance"/>.</summary>
    public static bool Close(Tensor a, Tensor b, double tolerance)
    {
        if (!a.shape.SequenceEqual(b.shape))
        {
            return false;
        }

        using var difference = (a - b).abs().max();
        return difference.item<float>() <= tolerance;
    }
}
