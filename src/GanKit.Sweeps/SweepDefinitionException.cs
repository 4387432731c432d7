namespace GanKit.Sweeps;

/// <summary>
/// A sweep definition file broke the schema: an unknown key, an empty list, a value of the wrong
/// type or out of range. The message names the file, the JSON path of the key and the bad value.
/// </summary>
/// <remarks>
/// Derives from <see cref="FormatException"/>: the file exists and was read, its content is what is
/// wrong, and callers that already report malformed input that way need no new catch clause.
/// </remarks>
public sealed class SweepDefinitionException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="source">The file (or other source) the definition came from.</param>
    /// <param name="jsonPath">The JSON path of the offending key, such as <c>$.grid.loss[1]</c>.</param>
    /// <param name="problem">What is wrong, with the expected and the received value.</param>
    /// <param name="inner">The parser error, when the text was not JSON at all.</param>
    public SweepDefinitionException(string source, string jsonPath, string problem, Exception? inner = null)
        : base($"{source}: {jsonPath}: {problem}", inner)
    {
        SourceName = source;
        JsonPath = jsonPath;
        Problem = problem;
    }

    /// <summary>Gets the file (or other source) the definition came from.</summary>
    public string SourceName { get; }

    /// <summary>Gets the JSON path of the offending key, such as <c>$.grid.loss[1]</c>.</summary>
    public string JsonPath { get; }

    /// <summary>Gets what is wrong, without the source and path prefix.</summary>
    public string Problem { get; }
}
