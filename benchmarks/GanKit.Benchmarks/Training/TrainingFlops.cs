using GanKit.Training;

namespace GanKit.Benchmarks.Training;

/// <summary>
/// Floating-point operations of one training step, from the builders' multiply-accumulate counts
/// (<see cref="LayerStackNetwork.MultiplyAccumulatesPerSample"/>, weight layers only).
/// </summary>
/// <remarks>
/// One MAC is 2 FLOPs, and a pass with backward costs about 3 forward passes (forward, gradient
/// with respect to the activations, gradient with respect to the weights). With <c>G</c> and
/// <c>D</c> the per-sample forward MACs and <c>B</c> the batch:
/// simultaneous step = 2 x 3 x B x (G + 2D) (one generator pass, the discriminator on real and
/// generated images, all with backward); alternating step = 2 x B x (G + 3 x 2D + 3 x (G + D))
/// (a no-grad generator pass, the discriminator step on real and generated images, then the
/// generator step through the discriminator). Element-wise layers, the loss and Adam are left out,
/// so the figure slightly understates the work done.
/// </remarks>
public static class TrainingFlops
{
    /// <summary>Gets the FLOPs of one step per real image in the batch.</summary>
    /// <param name="generatorMacs">Generator forward MACs per sample.</param>
    /// <param name="discriminatorMacs">Discriminator forward MACs per sample.</param>
    /// <param name="scheme">The update scheme.</param>
    /// <returns>FLOPs per image.</returns>
    public static double PerImage(long generatorMacs, long discriminatorMacs, UpdateScheme scheme) => scheme switch
    {
        UpdateScheme.Simultaneous => 2.0 * 3.0 * (generatorMacs + (2.0 * discriminatorMacs)),
        _ => 2.0 * (generatorMacs + (3.0 * 2.0 * discriminatorMacs) + (3.0 * (generatorMacs + discriminatorMacs))),
    };
}
