using GanKit.Benchmarks;

// Add a benchmark by writing an IBenchmark and listing it here.
IBenchmark[] benchmarks =
[
    new MnistLoadBenchmark(),
];

int runs = 7;
var names = new List<string>();
for (int i = 0; i < args.Length; i++)
{
    if (args[i] == "--runs" && i + 1 < args.Length && int.TryParse(args[i + 1], out runs) && runs > 0)
    {
        i++;
    }
    else if (args[i].StartsWith('-'))
    {
        Console.Error.WriteLine($"Unknown option '{args[i]}'. Usage: GanKit.Benchmarks [name ...] [--runs N]");
        return 2;
    }
    else
    {
        names.Add(args[i]);
    }
}

if (names.Count == 0)
{
    Console.WriteLine("Usage: dotnet run -c Release --project benchmarks/GanKit.Benchmarks -- <name ...|all> [--runs N]");
    foreach (var benchmark in benchmarks)
    {
        Console.WriteLine($"  {benchmark.Name,-14} {benchmark.Description}");
    }

    return 0;
}

var selected = names.Contains("all") ? benchmarks : benchmarks.Where(b => names.Contains(b.Name)).ToArray();
var unknown = names.Where(n => n != "all" && benchmarks.All(b => b.Name != n)).ToList();
if (unknown.Count > 0)
{
    Console.Error.WriteLine($"Unknown benchmark(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", benchmarks.Select(b => b.Name))}.");
    return 2;
}

Console.WriteLine($"{Environment.ProcessorCount} logical CPUs, .NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
foreach (var benchmark in selected)
{
    benchmark.Run(new BenchmarkSettings(runs), Console.Out);
}

return 0;
