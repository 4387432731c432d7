namespace GanKit.Sweeps;

/// <summary>
/// A key the host lets a sweep file write at its top level, beside <c>name</c>, <c>seeds</c>,
/// <c>fixed</c> and <c>grid</c>: one value every run shares (such as a number of epochs) or a
/// list of values varied outermost (such as the architectures).
/// </summary>
/// <remarks>
/// A setting is a parameter like any other once the file is read: its value lands in
/// <see cref="SweepRun.Parameters"/> under <see cref="Parameter"/>'s name and feeds the run's id.
/// It only lets the host keep its file format short and stable, so the engine itself knows no
/// host's vocabulary.
/// </remarks>
public sealed class SweepSetting
{
    private SweepSetting(string key, SweepParameter parameter, bool isList, bool isRequired, SweepValue? defaultValue)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(parameter);
        Key = key;
        Parameter = parameter;
        IsList = isList;
        IsRequired = isRequired;
        DefaultValue = defaultValue;
    }

    /// <summary>Gets the top-level key in the sweep file.</summary>
    public string Key { get; }

    /// <summary>Gets the parameter the value is checked against, and the name runs carry it under.</summary>
    public SweepParameter Parameter { get; }

    /// <summary>Gets whether the file gives a list of distinct values, each a configuration of its own, varied outermost.</summary>
    public bool IsList { get; }

    /// <summary>Gets whether a file without the key is rejected.</summary>
    public bool IsRequired { get; }

    /// <summary>Gets the value runs carry when the file leaves the key out, or null to leave the parameter unset.</summary>
    public SweepValue? DefaultValue { get; }

    /// <summary>Declares a setting every file must give: one value for every run, under the parameter's own name.</summary>
    /// <param name="parameter">The parameter; its name is the key.</param>
    /// <returns>The setting.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="parameter"/> is null.</exception>
    public static SweepSetting Required(SweepParameter parameter) =>
        new(parameter?.Name!, parameter!, isList: false, isRequired: true, defaultValue: null);

    /// <summary>Declares a setting a file may leave out: one value for every run, under the parameter's own name.</summary>
    /// <param name="parameter">The parameter; its name is the key.</param>
    /// <param name="defaultValue">The value when the key is absent, or null to leave the parameter unset.</param>
    /// <returns>The setting.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="parameter"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="defaultValue"/> is not of the parameter's kind.</exception>
    public static SweepSetting Optional(SweepParameter parameter, SweepValue? defaultValue = null)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        if (defaultValue is not null && defaultValue.Kind != parameter.Kind)
        {
            throw new ArgumentException($"The default {defaultValue} of the setting '{parameter.Name}' is a {defaultValue.Kind}, but the parameter is a {parameter.Kind}.", nameof(defaultValue));
        }

        return new(parameter.Name, parameter, isList: false, isRequired: false, defaultValue);
    }

    /// <summary>
    /// Declares a required setting that takes a non-empty list of distinct values, such as
    /// <c>"architectures": ["original", "modified"]</c>: each value is a configuration of its own,
    /// varied before every grid parameter.
    /// </summary>
    /// <param name="key">The top-level key, often the plural of the parameter's name.</param>
    /// <param name="parameter">The parameter each value is checked against; runs carry one value under its name.</param>
    /// <returns>The setting.</returns>
    /// <exception cref="ArgumentException"><paramref name="key"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="parameter"/> is null.</exception>
    public static SweepSetting List(string key, SweepParameter parameter) =>
        new(key, parameter, isList: true, isRequired: true, defaultValue: null);
}
