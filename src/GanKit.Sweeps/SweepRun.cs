using System.Globalization;
using System.Text;

namespace GanKit.Sweeps;

/// <summary>
/// One run of a sweep: one configuration (a value for every parameter) with one seed.
/// </summary>
/// <remarks>
/// <see cref="Id"/> joins the run number, which orders the runs and decides their shard, with a
/// short hash of everything that defines the run, so a folder left by an edited sweep file cannot
/// be mistaken for a run of the new one.
/// </remarks>
public sealed class SweepRun
{
    internal SweepRun(int number, long seed, IReadOnlyList<KeyValuePair<string, SweepValue>> parameters, IReadOnlyList<string> variedParameters)
    {
        Number = number;
        Seed = seed;
        Parameters = parameters;
        VariedParameters = variedParameters;
        ConfigurationId = "cfg-" + SweepHash.Short(CanonicalText(includeSeed: false));
        Id = string.Create(CultureInfo.InvariantCulture, $"run-{number:D4}-{SweepHash.Short(CanonicalText(includeSeed: true))}");
    }

    /// <summary>Gets the run's position in the sweep, from 0; the shard of a run is <c>Number mod N</c>.</summary>
    public int Number { get; }

    /// <summary>Gets the run's stable id and folder name, such as <c>run-0007-3fa2c1de</c>.</summary>
    public string Id { get; }

    /// <summary>Gets the id shared by all seeds of the same configuration, such as <c>cfg-91b0e4a2</c>.</summary>
    public string ConfigurationId { get; }

    /// <summary>Gets the random seed.</summary>
    public long Seed { get; }

    /// <summary>Gets every parameter value of the run (settings, fixed and varied), sorted by name.</summary>
    public IReadOnlyList<KeyValuePair<string, SweepValue>> Parameters { get; }

    /// <summary>Gets the names of the varied parameters, in grid order; they tell configurations apart.</summary>
    public IReadOnlyList<string> VariedParameters { get; }

    /// <summary>Gets a short human label of the configuration: its varied values, such as <c>arch=original, lr=0.0002</c>.</summary>
    public string ConfigurationLabel => VariedParameters.Count == 0
        ? "all runs"
        : string.Join(", ", VariedParameters.Select(name => $"{name}={this[name]}"));

    /// <summary>Gets the value of a parameter.</summary>
    /// <param name="name">The parameter name.</param>
    /// <exception cref="KeyNotFoundException">The run does not set <paramref name="name"/>.</exception>
    public SweepValue this[string name] =>
        TryGetParameter(name, out var value) ? value : throw new KeyNotFoundException($"The run {Id} does not set the parameter '{name}'.");

    /// <summary>Looks a parameter up.</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="value">Its value, when set.</param>
    /// <returns>True when the run sets <paramref name="name"/>.</returns>
    public bool TryGetParameter(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SweepValue? value)
    {
        foreach (var (key, candidate) in Parameters)
        {
            if (key == name)
            {
                value = candidate;
                return true;
            }
        }

        value = null;
        return false;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Id} ({ConfigurationLabel}, seed {Seed.ToString(CultureInfo.InvariantCulture)})";

    private string CanonicalText(bool includeSeed)
    {
        // Sorted keys and invariant number text: the hash depends on what the run is, not on how
        // the file happened to be written or which culture the machine uses.
        var text = new StringBuilder();
        foreach (var (key, value) in Parameters)
        {
            text.Append(key).Append(':').Append(value.Kind).Append('=').Append(value).Append('\n');
        }

        if (includeSeed)
        {
            text.Append("seed=").Append(Seed.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return text.ToString();
    }
}
