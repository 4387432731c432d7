namespace GanKit.Internal;

/// <summary>The shape checks of the <c>FromModule</c> verbs.</summary>
internal static class WrappedShapes
{
    public static void RequirePositive(long[] shape, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(shape, parameterName);
        if (shape.Length == 0 || shape.Any(d => d <= 0))
        {
            throw new ArgumentException($"A per-sample shape needs at least one dimension and positive sizes; got {Shapes.Format(shape)}.", parameterName);
        }
    }
}
