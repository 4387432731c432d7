using GanKit.Mnist;
using GanKit.Mnist.Evaluation;
using GanKit.Networks;

namespace GanKit.Samples.Snippets;

/// <summary>README, "Evaluation".</summary>
internal static class Evaluating
{
    public static void Run(GeneratorNetwork generator)
    {
        var evaluator = new MnistEvaluator(MnistDataset.Load(MnistSplit.Test));
        MnistEvaluationReport report = evaluator.Evaluate(generator);   // 10,000 seeded samples by default
        Console.WriteLine(report.ToMarkdown());                          // or report.ToJson()
    }
}
