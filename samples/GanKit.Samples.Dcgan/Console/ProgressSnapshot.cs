namespace GanKit.Samples.Dcgan.ConsoleUi;

/// <summary>Where a run stands after a step, in the terms the progress display shows.</summary>
/// <param name="Epoch">Current epoch, 1-based.</param>
/// <param name="Epochs">Epochs in the run.</param>
/// <param name="Step">Steps done in the whole run (across epochs).</param>
/// <param name="TotalSteps">Steps the whole run takes.</param>
/// <param name="DiscriminatorLoss">Mean discriminator loss over the trainer's latest report window; NaN before the first report.</param>
/// <param name="GeneratorLoss">Mean generator loss over the same window; NaN before the first report or when the window had no generator step.</param>
internal readonly record struct ProgressSnapshot(int Epoch, int Epochs, long Step, long TotalSteps, double DiscriminatorLoss, double GeneratorLoss)
{
    /// <summary>Formats a loss with three decimals, or a dash while it is not known.</summary>
    public static string FormatLoss(double loss) =>
        double.IsNaN(loss) ? "–" : loss.ToString("F3", System.Globalization.CultureInfo.InvariantCulture);
}
