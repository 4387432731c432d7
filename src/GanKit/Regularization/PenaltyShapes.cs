using static TorchSharp.torch;

namespace GanKit.Regularization;

internal static class PenaltyShapes
{
    public static void EnsureSameImageShape(Tensor real, Tensor fake, string penalty)
    {
        if (real.dim() < 2 || !real.shape.AsSpan(1).SequenceEqual(fake.shape.AsSpan(1)))
        {
            throw new ArgumentException($"The {penalty} penalty needs real and generated batches of the same image shape; got [{string.Join(", ", real.shape)}] and [{string.Join(", ", fake.shape)}].", nameof(fake));
        }
    }
}
