namespace GanKit.Layers;

/// <summary>Argument checks the conditional layers share.</summary>
internal static class ConditionalLayerChecks
{
    /// <summary>Labels are class indices, so a conditional layer needs at least two classes.</summary>
    public static int ClassCount(int classCount, string parameterName)
    {
        if (classCount < 2)
        {
            throw new ArgumentOutOfRangeException(parameterName, classCount, "A conditional layer needs at least 2 classes.");
        }

        return classCount;
    }

    /// <summary>The feature count of a layer that takes a vector <c>[F]</c>.</summary>
    public static long Features(long[] inputShape, string kind)
    {
        ArgumentNullException.ThrowIfNull(inputShape);
        if (inputShape.Length != 1)
        {
            throw new ArgumentException($"{kind} needs features [F]; add Flatten() before it.");
        }

        return inputShape[0];
    }
}
