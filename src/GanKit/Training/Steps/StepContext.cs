using GanKit.Losses;
using GanKit.Networks;
using GanKit.Regularization;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Training.Steps;

/// <summary>
/// What a training step works with: the networks, their optimisers, the loss and penalty, and the
/// helpers that keep a step restorable from a checkpoint. Made by the trainer; one per run.
/// </summary>
public sealed class StepContext
{
    private readonly OptimizedNetwork generator;
    private readonly OptimizedNetwork discriminator;

    internal StepContext(GeneratorNetwork generatorNetwork, DiscriminatorNetwork discriminatorNetwork, OptimizedNetwork generator, OptimizedNetwork discriminator, AdversarialTrainerOptions options, Device device, ExponentialMovingAverage? average)
    {
        Generator = generatorNetwork;
        Discriminator = discriminatorNetwork;
        this.generator = generator;
        this.discriminator = discriminator;
        Loss = options.Loss;
        Penalty = options.Penalty;
        BatchSize = options.BatchSize;
        Device = device;
        Average = average;
    }

    /// <summary>Gets the generator being trained.</summary>
    public GeneratorNetwork Generator { get; }

    /// <summary>Gets the discriminator being trained.</summary>
    public DiscriminatorNetwork Discriminator { get; }

    /// <summary>Gets the generator's optimiser.</summary>
    public optim.Optimizer GeneratorOptimizer => generator.Optimizer;

    /// <summary>Gets the discriminator's optimiser.</summary>
    public optim.Optimizer DiscriminatorOptimizer => discriminator.Optimizer;

    /// <summary>Gets the adversarial loss of the run.</summary>
    public IAdversarialLoss Loss { get; }

    /// <summary>Gets the discriminator's input-gradient penalty, or null.</summary>
    public IDiscriminatorPenalty? Penalty { get; }

    /// <summary>Gets the number of noise vectors per generator pass (<see cref="AdversarialTrainerOptions.BatchSize"/>).</summary>
    public int BatchSize { get; }

    /// <summary>Gets the training device.</summary>
    public Device Device { get; }

    /// <summary>Gets the moving average of the generator, or null; <see cref="UpdateGenerator"/> keeps it current.</summary>
    public ExponentialMovingAverage? Average { get; }

    /// <summary>Draws <see cref="BatchSize"/> latent vectors from torch's global stream, which the trainer seeds and checkpoints.</summary>
    /// <returns>A tensor <c>[BatchSize, LatentDim]</c> on <see cref="Device"/>.</returns>
    public Tensor Noise() => torch.randn(new[] { (long)BatchSize, Generator.LatentDim }, device: Device);

    /// <summary>
    /// The discriminator's full loss: the adversarial term, its regularisation and the penalty
    /// (computed on <paramref name="real"/> and <paramref name="fake"/>).
    /// </summary>
    /// <param name="real">The real images.</param>
    /// <param name="fake">The generated images the fake logits came from.</param>
    /// <param name="realLogits">The discriminator's logits on <paramref name="real"/>.</param>
    /// <param name="fakeLogits">Its logits on <paramref name="fake"/>.</param>
    /// <returns>A 0-dim tensor.</returns>
    public Tensor DiscriminatorLoss(Tensor real, Tensor fake, Tensor realLogits, Tensor fakeLogits)
    {
        var loss = Loss.DiscriminatorLoss(realLogits, fakeLogits) + Discriminator.RegularizationLoss();
        return Penalty is { } penalty ? loss + penalty.Compute(Discriminator, real, fake) : loss;
    }

    /// <summary>The generator's full loss: the adversarial term (which may read the real logits too) and its regularisation.</summary>
    /// <param name="realLogits">The discriminator's logits on the real batch.</param>
    /// <param name="fakeLogits">Its logits on generated images, with gradient to the generator.</param>
    /// <returns>A 0-dim tensor.</returns>
    public Tensor GeneratorLoss(Tensor realLogits, Tensor fakeLogits) =>
        Loss.GeneratorLoss(realLogits, fakeLogits) + Generator.RegularizationLoss();

    /// <summary>Back-propagates <paramref name="loss"/> into the discriminator's parameters only and steps its optimiser (and a per-step schedule).</summary>
    /// <param name="loss">The discriminator's loss.</param>
    public void UpdateDiscriminator(Tensor loss)
    {
        discriminator.Optimizer.zero_grad();
        loss.backward(inputs: discriminator.Parameters);
        discriminator.Step();
    }

    /// <summary>Back-propagates <paramref name="loss"/> into the generator's parameters only, steps its optimiser (and a per-step schedule) and updates the moving average.</summary>
    /// <param name="loss">The generator's loss.</param>
    public void UpdateGenerator(Tensor loss)
    {
        generator.Optimizer.zero_grad();
        loss.backward(inputs: generator.Parameters);
        generator.Step();
        Average?.Update(Generator);
    }

    /// <summary>
    /// Updates both networks from one graph, as the Keras tutorial's two gradient tapes do: both
    /// gradients are computed before either optimiser steps, and each loss reaches only its own network.
    /// </summary>
    /// <param name="generatorLoss">The generator's loss.</param>
    /// <param name="discriminatorLoss">The discriminator's loss, from the same forward passes.</param>
    public void UpdateBoth(Tensor generatorLoss, Tensor discriminatorLoss)
    {
        generator.Optimizer.zero_grad();
        discriminator.Optimizer.zero_grad();
        generatorLoss.backward(retain_graph: true, inputs: generator.Parameters);
        discriminatorLoss.backward(inputs: discriminator.Parameters);
        generator.Step();
        discriminator.Step();
        Average?.Update(Generator);
    }
}
