namespace GanKit.Sweeps;

/// <summary>
/// What a sweep file may contain beyond its fixed keys: the parameters that can be varied or fixed,
/// and the architecture names that exist.
/// </summary>
public sealed class SweepSchema
{
    private readonly Dictionary<string, SweepParameter> _parameters;

    /// <summary>Creates a schema.</summary>
    /// <param name="parameters">The parameters a sweep may set; names must be unique.</param>
    /// <param name="architectures">The accepted architecture names (matched ignoring case), or null to accept any name.</param>
    /// <exception cref="ArgumentNullException"><paramref name="parameters"/> is null.</exception>
    /// <exception cref="ArgumentException">Two parameters share a name, or a parameter uses a name the file format reserves.</exception>
    public SweepSchema(IEnumerable<SweepParameter> parameters, IEnumerable<string>? architectures = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _parameters = new Dictionary<string, SweepParameter>(StringComparer.Ordinal);
        foreach (var parameter in parameters)
        {
            if (SweepDefinition.TopLevelKeys.Contains(parameter.Name))
            {
                throw new ArgumentException($"The parameter name '{parameter.Name}' is a top-level key of the sweep file and cannot be a swept parameter.", nameof(parameters));
            }

            if (!_parameters.TryAdd(parameter.Name, parameter))
            {
                throw new ArgumentException($"The parameter '{parameter.Name}' is declared twice.", nameof(parameters));
            }
        }

        Parameters = _parameters.Values.ToArray();
        Architectures = architectures?.ToArray();
    }

    /// <summary>Gets the parameters, in declaration order.</summary>
    public IReadOnlyList<SweepParameter> Parameters { get; }

    /// <summary>Gets the accepted architecture names, or null when any name is accepted.</summary>
    public IReadOnlyList<string>? Architectures { get; }

    /// <summary>Finds a parameter by its exact name.</summary>
    /// <param name="name">The key.</param>
    /// <param name="parameter">The parameter, when found.</param>
    /// <returns>True when the schema declares <paramref name="name"/>.</returns>
    public bool TryGetParameter(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SweepParameter? parameter) =>
        _parameters.TryGetValue(name, out parameter);

    /// <summary>Suggests the declared name closest to a misspelt one, for error messages.</summary>
    internal string? Suggest(string name) => Closest(name, _parameters.Keys);

    internal static string? Closest(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            int distance = Distance(name.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = candidate;
            }
        }

        // Only suggest near misses; a suggestion for an unrelated word is noise.
        return best is not null && bestDistance <= Math.Max(2, name.Length / 3) ? best : null;
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
