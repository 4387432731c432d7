using System.Globalization;
using System.Text.Json;

namespace GanKit.Sweeps;

/// <summary>One value of a swept parameter: an integer, a real number, a boolean or a name.</summary>
/// <remarks>
/// Values print in one canonical, culture-invariant form (<c>0.0002</c>, <c>true</c>, <c>64</c>)
/// because that text feeds the run hashes; a run's id must not change with the machine's locale.
/// </remarks>
public sealed class SweepValue : IEquatable<SweepValue>
{
    private readonly long _integer;
    private readonly double _number;
    private readonly bool _boolean;
    private readonly string? _string;

    // The canonical text, made once: equality, hashing and run ids all use it, and a sweep file
    // with tens of thousands of values must not format each one again at every comparison.
    private readonly string _text;

    private SweepValue(SweepValueKind kind, long integer, double number, bool boolean, string? text)
    {
        Kind = kind;
        _integer = integer;
        _number = number;
        _boolean = boolean;
        _string = text;
        _text = kind switch
        {
            SweepValueKind.Integer => integer.ToString(CultureInfo.InvariantCulture),
            SweepValueKind.Number => number.ToString("R", CultureInfo.InvariantCulture),
            SweepValueKind.Boolean => boolean ? "true" : "false",
            _ => text!,
        };
    }

    /// <summary>Gets the type of the value.</summary>
    public SweepValueKind Kind { get; }

    /// <summary>Creates an integer value.</summary>
    /// <param name="value">The integer.</param>
    public static SweepValue FromInteger(long value) => new(SweepValueKind.Integer, value, value, false, null);

    /// <summary>Creates a real-number value.</summary>
    /// <param name="value">The number; must be finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or infinite.</exception>
    public static SweepValue FromNumber(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A swept number must be finite.");
        }

        return new(SweepValueKind.Number, 0, value, false, null);
    }

    /// <summary>Creates a boolean value.</summary>
    /// <param name="value">The boolean.</param>
    public static SweepValue FromBoolean(bool value) => new(SweepValueKind.Boolean, 0, 0, value, null);

    /// <summary>Creates a name value.</summary>
    /// <param name="value">The name.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static SweepValue FromString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(SweepValueKind.String, 0, 0, false, value);
    }

    /// <summary>Gets the value as a whole number.</summary>
    /// <exception cref="InvalidOperationException">The value is not an integer.</exception>
    public long AsInt64() => Kind == SweepValueKind.Integer
        ? _integer
        : throw new InvalidOperationException($"The value {this} is a {Kind}, not an Integer.");

    /// <summary>Gets the value as a real number; integers widen.</summary>
    /// <exception cref="InvalidOperationException">The value is a boolean or a name.</exception>
    public double AsDouble() => Kind is SweepValueKind.Number or SweepValueKind.Integer
        ? _number
        : throw new InvalidOperationException($"The value {this} is a {Kind}, not a number.");

    /// <summary>Gets the value as a boolean.</summary>
    /// <exception cref="InvalidOperationException">The value is not a boolean.</exception>
    public bool AsBoolean() => Kind == SweepValueKind.Boolean
        ? _boolean
        : throw new InvalidOperationException($"The value {this} is a {Kind}, not a Boolean.");

    /// <summary>Gets the value as a name.</summary>
    /// <exception cref="InvalidOperationException">The value is not a name.</exception>
    public string AsString() => Kind == SweepValueKind.String
        ? _string!
        : throw new InvalidOperationException($"The value {this} is a {Kind}, not a String.");

    /// <summary>Gets the canonical, culture-invariant text of the value.</summary>
    public override string ToString() => _text;

    /// <summary>Whether two values have the same kind and the same value.</summary>
    /// <param name="other">The other value.</param>
    public bool Equals(SweepValue? other) =>
        other is not null && other.Kind == Kind && string.Equals(other._text, _text, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as SweepValue);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, StringComparer.Ordinal.GetHashCode(_text));

    /// <summary>Writes the value as a JSON token of its own type.</summary>
    internal void WriteTo(Utf8JsonWriter writer)
    {
        switch (Kind)
        {
            case SweepValueKind.Integer:
                writer.WriteNumberValue(_integer);
                break;
            case SweepValueKind.Number:
                writer.WriteNumberValue(_number);
                break;
            case SweepValueKind.Boolean:
                writer.WriteBooleanValue(_boolean);
                break;
            default:
                writer.WriteStringValue(_string);
                break;
        }
    }
}
