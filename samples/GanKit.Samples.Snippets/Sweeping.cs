using GanKit.Sweeps;

namespace GanKit.Samples.Snippets;

/// <summary>README, "Sweeps".</summary>
internal static class Sweeping
{
    public static void Run()
    {
        var schema = new SweepSchema(
            [SweepParameter.Number("learningRate", minimum: 0, exclusive: true), SweepParameter.Choice("loss", ["Hinge", "NonSaturating"])],
            [SweepSetting.Required(SweepParameter.Integer("epochs", minimum: 1))]);   // "epochs": 5 at the top level
        var plan = SweepDefinition.Parse("""
            { "seeds": [1, 2, 3], "epochs": 5, "grid": { "learningRate": [0.0002, 0.0001], "loss": ["Hinge", "NonSaturating"] } }
            """, schema).Expand();                                                   // 12 runs, 4 configurations
        SweepMetric[] metrics = [new("fid", "FID", higherIsBetter: false)];
        new SweepRunner(new SweepRunnerOptions { Metrics = metrics }).Run(plan, "runs/grid", context =>
        {
            double rate = context.Run["learningRate"].AsDouble();   // train in context.Directory, resuming its checkpoint;
            context.ThrowIfClaimLost();                             // call before each checkpoint (see below)
            File.WriteAllText(context.SummaryPath, $$"""{ "fid": {{40 * rate / 0.0002}} }""");
            return SweepRunResult.Success();
        });
        SweepReport.Collect("runs/grid", metrics).WriteFiles();                      // report.md, report.json
    }
}
