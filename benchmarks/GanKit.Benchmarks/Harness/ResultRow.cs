namespace GanKit.Benchmarks.Harness;

/// <summary>One line of the results table.</summary>
/// <param name="Benchmark">The benchmark, for example <c>training</c>.</param>
/// <param name="Case">What was measured, for example <c>original / simultaneous / trainer</c>.</param>
/// <param name="Metric">The quantity, for example <c>images/s</c>.</param>
/// <param name="Value">Median, min and max over the rounds.</param>
/// <param name="Note">How the figure was obtained, or null.</param>
public sealed record ResultRow(string Benchmark, string Case, string Metric, Stats Value, string? Note = null);
