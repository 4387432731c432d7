namespace GanKit.Sweeps;

/// <summary>
/// What a sweep file may contain beyond its own keys (<c>name</c>, <c>seeds</c>, <c>fixed</c>,
/// <c>grid</c>): the parameters runs can fix or vary, and the top-level settings the host adds.
/// </summary>
/// <remarks>
/// The application that runs the sweep declares the schema, so the engine rejects a misspelt key
/// before a single run starts without knowing anything of what the runs do.
/// </remarks>
public sealed class SweepSchema
{
    /// <summary>The keys every sweep file may use, whatever the schema.</summary>
    internal static readonly IReadOnlyList<string> FileKeys = ["name", "seeds", "fixed", "grid"];

    private readonly Dictionary<string, SweepParameter> _parameters;
    private readonly Dictionary<string, SweepSetting> _settings;

    /// <summary>Creates a schema.</summary>
    /// <param name="parameters">The parameters a sweep may set under <c>fixed</c> or <c>grid</c>; names must be unique.</param>
    /// <param name="settings">The host's top-level keys, or null for none; keys and parameter names must be unique.</param>
    /// <exception cref="ArgumentNullException"><paramref name="parameters"/> is null.</exception>
    /// <exception cref="ArgumentException">Two parameters or settings share a name, or a setting uses a key the file format reserves.</exception>
    public SweepSchema(IEnumerable<SweepParameter> parameters, IEnumerable<SweepSetting>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _parameters = new Dictionary<string, SweepParameter>(StringComparer.Ordinal);
        foreach (var parameter in parameters)
        {
            ArgumentNullException.ThrowIfNull(parameter, nameof(parameters));
            if (!_parameters.TryAdd(parameter.Name, parameter))
            {
                throw new ArgumentException($"The parameter '{parameter.Name}' is declared twice.", nameof(parameters));
            }
        }

        _settings = new Dictionary<string, SweepSetting>(StringComparer.Ordinal);
        var settingParameters = new HashSet<string>(StringComparer.Ordinal);
        foreach (var setting in settings ?? [])
        {
            ArgumentNullException.ThrowIfNull(setting, nameof(settings));
            if (FileKeys.Contains(setting.Key))
            {
                throw new ArgumentException($"The setting '{setting.Key}' uses a key every sweep file reserves ({string.Join(", ", FileKeys)}).", nameof(settings));
            }

            if (_parameters.ContainsKey(setting.Parameter.Name) || _parameters.ContainsKey(setting.Key))
            {
                throw new ArgumentException($"The setting '{setting.Key}' is also declared as a parameter; declare it once.", nameof(settings));
            }

            if (!_settings.TryAdd(setting.Key, setting) || !settingParameters.Add(setting.Parameter.Name))
            {
                throw new ArgumentException($"The setting '{setting.Key}' is declared twice.", nameof(settings));
            }
        }

        Parameters = _parameters.Values.ToArray();
        Settings = _settings.Values.ToArray();
        TopLevelKeys = [.. FileKeys, .. _settings.Keys];
    }

    /// <summary>Gets the parameters, in declaration order.</summary>
    public IReadOnlyList<SweepParameter> Parameters { get; }

    /// <summary>Gets the host's top-level settings, in declaration order (list settings vary in this order, before the grid).</summary>
    public IReadOnlyList<SweepSetting> Settings { get; }

    /// <summary>Gets every key a file may hold at its top level.</summary>
    internal IReadOnlyList<string> TopLevelKeys { get; }

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
