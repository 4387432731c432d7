using System.Globalization;

namespace GanKit.Sweeps;

/// <summary>
/// One parameter a sweep file may set: its JSON name, its type and the values it accepts.
/// </summary>
/// <remarks>
/// The schema is declared by the application that runs the sweep (it knows which trainer options
/// exist), so the engine stays independent of any trainer yet still rejects a misspelt key before
/// a single run starts.
/// </remarks>
public sealed class SweepParameter
{
    private SweepParameter(string name, SweepValueKind kind, double? minimum, bool minimumExclusive, IReadOnlyList<string>? choices, string description, double? maximum = null, bool maximumExclusive = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Kind = kind;
        Minimum = minimum;
        MinimumExclusive = minimumExclusive;
        Choices = choices;
        Description = description;
        Maximum = maximum;
        MaximumExclusive = maximumExclusive;
    }

    /// <summary>Gets the key used in the sweep file (camelCase by convention).</summary>
    public string Name { get; }

    /// <summary>Gets the value type.</summary>
    public SweepValueKind Kind { get; }

    /// <summary>Gets the smallest accepted value of a numeric parameter, or null for no bound.</summary>
    public double? Minimum { get; }

    /// <summary>Gets whether <see cref="Minimum"/> itself is rejected (a learning rate must be above 0).</summary>
    public bool MinimumExclusive { get; }

    /// <summary>Gets the largest accepted value of a numeric parameter, or null for no bound.</summary>
    public double? Maximum { get; }

    /// <summary>Gets whether <see cref="Maximum"/> itself is rejected (a decay must stay below 1).</summary>
    public bool MaximumExclusive { get; }

    /// <summary>Gets the accepted names of a <see cref="SweepValueKind.String"/> parameter, or null for any name.</summary>
    public IReadOnlyList<string>? Choices { get; }

    /// <summary>Gets a one-line description shown in documentation and errors.</summary>
    public string Description { get; }

    /// <summary>Declares a whole-number parameter.</summary>
    /// <param name="name">The key in the sweep file.</param>
    /// <param name="minimum">The smallest accepted value (inclusive), or null.</param>
    /// <param name="description">A one-line description.</param>
    /// <param name="maximum">The largest accepted value (inclusive), or null.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    public static SweepParameter Integer(string name, long? minimum = null, string description = "", long? maximum = null) =>
        new(name, SweepValueKind.Integer, minimum, false, null, description, maximum);

    /// <summary>Declares a real-number parameter.</summary>
    /// <param name="name">The key in the sweep file.</param>
    /// <param name="minimum">The lower bound, or null.</param>
    /// <param name="exclusive">True when the bound itself is rejected.</param>
    /// <param name="description">A one-line description.</param>
    /// <param name="maximum">The upper bound, or null.</param>
    /// <param name="maximumExclusive">True when the upper bound itself is rejected.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    public static SweepParameter Number(string name, double? minimum = null, bool exclusive = false, string description = "", double? maximum = null, bool maximumExclusive = false) =>
        new(name, SweepValueKind.Number, minimum, exclusive, null, description, maximum, maximumExclusive);

    /// <summary>Declares a boolean parameter.</summary>
    /// <param name="name">The key in the sweep file.</param>
    /// <param name="description">A one-line description.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    public static SweepParameter Boolean(string name, string description = "") =>
        new(name, SweepValueKind.Boolean, null, false, null, description);

    /// <summary>Declares a parameter whose value is one of a fixed set of names (matched ignoring case).</summary>
    /// <param name="name">The key in the sweep file.</param>
    /// <param name="choices">The accepted names, in their canonical spelling.</param>
    /// <param name="description">A one-line description.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or <paramref name="choices"/> is empty.</exception>
    public static SweepParameter Choice(string name, IEnumerable<string> choices, string description = "")
    {
        ArgumentNullException.ThrowIfNull(choices);
        var list = choices.ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException($"The choice parameter '{name}' needs at least one accepted name.", nameof(choices));
        }

        return new(name, SweepValueKind.String, null, false, list, description);
    }

    /// <summary>Declares a parameter whose value is a member name of <typeparamref name="TEnum"/>.</summary>
    /// <typeparam name="TEnum">The enum whose member names are accepted.</typeparam>
    /// <param name="name">The key in the sweep file.</param>
    /// <param name="description">A one-line description.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    public static SweepParameter Enum<TEnum>(string name, string description = "")
        where TEnum : struct, System.Enum =>
        Choice(name, System.Enum.GetNames<TEnum>(), description);

    /// <summary>
    /// Checks a value against the type and bounds, returning it in canonical form (a choice in its
    /// declared spelling, an integer literal widened for a real parameter) or an error text.
    /// </summary>
    internal SweepValue? TryAccept(System.Text.Json.JsonElement element, out string? error)
    {
        error = null;
        switch (Kind)
        {
            case SweepValueKind.Integer:
                if (element.ValueKind != System.Text.Json.JsonValueKind.Number || !element.TryGetInt64(out long integer))
                {
                    error = $"expected a whole number for '{Name}', got {Describe(element)}";
                    return null;
                }

                if (Minimum is double minInt && integer < minInt)
                {
                    error = $"'{Name}' must be at least {minInt.ToString(CultureInfo.InvariantCulture)}, got {integer.ToString(CultureInfo.InvariantCulture)}";
                    return null;
                }

                if (Maximum is double maxInt && integer > maxInt)
                {
                    error = $"'{Name}' must be at most {maxInt.ToString(CultureInfo.InvariantCulture)}, got {integer.ToString(CultureInfo.InvariantCulture)}";
                    return null;
                }

                return SweepValue.FromInteger(integer);

            case SweepValueKind.Number:
                if (element.ValueKind != System.Text.Json.JsonValueKind.Number || !element.TryGetDouble(out double number) || !double.IsFinite(number))
                {
                    error = $"expected a number for '{Name}', got {Describe(element)}";
                    return null;
                }

                if (Minimum is double min && (MinimumExclusive ? number <= min : number < min))
                {
                    string bound = min.ToString("R", CultureInfo.InvariantCulture);
                    error = $"'{Name}' must be {(MinimumExclusive ? "above" : "at least")} {bound}, got {number.ToString("R", CultureInfo.InvariantCulture)}";
                    return null;
                }

                if (Maximum is double max && (MaximumExclusive ? number >= max : number > max))
                {
                    string bound = max.ToString("R", CultureInfo.InvariantCulture);
                    error = $"'{Name}' must be {(MaximumExclusive ? "below" : "at most")} {bound}, got {number.ToString("R", CultureInfo.InvariantCulture)}";
                    return null;
                }

                return SweepValue.FromNumber(number);

            case SweepValueKind.Boolean:
                if (element.ValueKind is not (System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False))
                {
                    error = $"expected true or false for '{Name}', got {Describe(element)}";
                    return null;
                }

                return SweepValue.FromBoolean(element.GetBoolean());

            default:
                if (element.ValueKind != System.Text.Json.JsonValueKind.String)
                {
                    error = $"expected a string for '{Name}', got {Describe(element)}";
                    return null;
                }

                string text = element.GetString()!;
                if (Choices is null)
                {
                    return SweepValue.FromString(text);
                }

                string? canonical = Choices.FirstOrDefault(c => string.Equals(c, text, StringComparison.OrdinalIgnoreCase));
                if (canonical is null)
                {
                    error = $"'{text}' is not a valid '{Name}'; expected one of: {string.Join(", ", Choices)}";
                    return null;
                }

                return SweepValue.FromString(canonical);
        }
    }

    internal static string Describe(System.Text.Json.JsonElement element) => element.ValueKind switch
    {
        System.Text.Json.JsonValueKind.String => $"the string \"{element.GetString()}\"",
        System.Text.Json.JsonValueKind.Number => $"the number {element.GetRawText()}",
        System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => $"the boolean {element.GetRawText()}",
        System.Text.Json.JsonValueKind.Null => "null",
        System.Text.Json.JsonValueKind.Array => "an array",
        System.Text.Json.JsonValueKind.Object => "an object",
        _ => element.ValueKind.ToString(),
    };
}
