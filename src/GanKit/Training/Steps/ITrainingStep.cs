namespace GanKit.Training.Steps;

/// <summary>
/// What the trainer does with one batch of real images: the forward passes, the losses and the
/// updates. <see cref="SimultaneousStep"/> and <see cref="AlternatingStep"/> are GanKit's; implement
/// this for your own (for example a consistency-regularised step), and set it as
/// <see cref="AdversarialTrainerOptions.TrainingStep"/>.
/// </summary>
/// <remarks>
/// The trainer owns the loop around it: shuffling, devices, dispose scopes (every tensor the step
/// creates is released after it), loss bookkeeping, callbacks and checkpoints. Draw noise through
/// <see cref="StepContext.Noise"/> and update through the context's <c>Update*</c> methods, so the
/// random stream, the moving average and per-step schedules stay what a checkpoint can restore.
/// </remarks>
public interface ITrainingStep
{
    /// <summary>Gets a short stable name for logs and checkpoints (for example <c>simultaneous</c>).</summary>
    string Name { get; }

    /// <summary>Runs one step on <paramref name="batch"/>.</summary>
    /// <param name="context">The networks, optimisers, loss and helpers of this run.</param>
    /// <param name="batch">The real images of this step, on the training device.</param>
    /// <returns>The losses and the logits the trainer reports as D(x) and D(G(z)).</returns>
    StepOutcome Run(StepContext context, TrainingBatch batch);
}
