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

    /// <summary>README, "Evaluation": a class-conditional generator, digit by digit.</summary>
    public static void RunConditional(MnistEvaluator evaluator, GeneratorNetwork conditionalGenerator, IReadOnlyList<MnistConditionalReport> reportsOfEachSeed)
    {
        // 1,000 seeded images asked for each digit; EvaluateConditional(generate, latentDim, ...) takes any (noise, labels) -> images function.
        MnistConditionalReport conditional = evaluator.EvaluateConditional(conditionalGenerator, samplesPerClass: 1000);
        Console.WriteLine(conditional.ToMarkdown());   // per-digit table, intra-class FID, accuracy, then the ordinary report
        MnistConditionalSummary summary = MnistConditionalReport.Aggregate(reportsOfEachSeed);   // mean ± std over seeds
        Console.WriteLine(summary.ToMarkdown());
    }
}
