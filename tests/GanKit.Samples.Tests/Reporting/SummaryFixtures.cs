using GanKit.Samples.Dcgan.Reporting;

namespace GanKit.Samples.Tests.Reporting;

internal static class SummaryFixtures
{
    public static EvaluationSummary Summary(double fid, double kid = 0.01, double score = 8, double precision = 0.7, double recall = 0.6, double perDigitFid = 30) =>
        new(fid, kid, score, precision, recall,
        [
            new DigitRow(0, [new("fid", perDigitFid), new("share", 0.1)]),
            new DigitRow(1, [new("fid", perDigitFid + 1), new("share", 0.12)]),
        ]);
}
