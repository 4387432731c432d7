namespace GanKit.Sweeps;

/// <summary>The type of one swept parameter value.</summary>
public enum SweepValueKind
{
    /// <summary>A whole number (batch sizes, counts).</summary>
    Integer,

    /// <summary>A real number (learning rates, decays, penalty weights).</summary>
    Number,

    /// <summary>True or false.</summary>
    Boolean,

    /// <summary>A name, such as a loss or update scheme.</summary>
    String,
}
