namespace GanKit.Benchmarks;

/// <summary>One named benchmark: it prepares what it needs, then times its cases with <see cref="Measure"/>.</summary>
internal interface IBenchmark
{
    /// <summary>The name to run it by, for example <c>mnist-load</c>.</summary>
    string Name { get; }

    /// <summary>One line saying what it measures.</summary>
    string Description { get; }

    void Run(BenchmarkSettings settings, TextWriter output);
}

/// <summary>Settings every benchmark honours.</summary>
/// <param name="Runs">Timed runs per case (after one untimed warm-up run).</param>
internal sealed record BenchmarkSettings(int Runs);
