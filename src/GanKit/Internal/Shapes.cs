namespace GanKit.Internal;

/// <summary>Shape helpers shared by layers, builders and messages.</summary>
internal static class Shapes
{
    public static string Format(IEnumerable<long> shape) => "[" + string.Join(", ", shape) + "]";

    public static long Product(IEnumerable<long> shape)
    {
        long product = 1;
        foreach (long d in shape)
        {
            product = checked(product * d);
        }

        return product;
    }

    /// <summary>Throws unless <paramref name="shape"/> is <c>[C, H, W]</c>; used by image layers.</summary>
    public static void RequireImage(long[] shape, string kind)
    {
        if (shape.Length != 3)
        {
            throw new ArgumentException($"{kind} needs a channels-first image [C, H, W]; add a Reshape before it.");
        }
    }
}
