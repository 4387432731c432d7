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
    private Tensor? classFrequencies;

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
        AuxiliaryLoss = discriminatorNetwork.AuxiliaryClassCount > 0 ? options.AuxiliaryLoss ?? new AuxiliaryClassifierLoss() : null;
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

    /// <summary>Gets the number of classes of a conditional run; null when the run is unconditional.</summary>
    public int? ClassCount => Generator.ClassCount;

    /// <summary>Gets the classification loss of an AC-GAN run (the discriminator has an auxiliary classifier head); null otherwise.</summary>
    public AuxiliaryClassifierLoss? AuxiliaryLoss { get; }

    /// <summary>
    /// Draws <see cref="BatchSize"/> labels for generated images from torch's global stream, on
    /// <see cref="Device"/>: uniformly, or in the data's class proportions
    /// (<see cref="AdversarialTrainerOptions.FakeLabels"/>). Null in an unconditional run.
    /// </summary>
    /// <returns>int64 labels <c>[BatchSize]</c>, or null.</returns>
    public Tensor? FakeLabels()
    {
        if (ClassCount is not { } classes)
        {
            return null;
        }

        return classFrequencies is null
            ? torch.randint(classes, new[] { (long)BatchSize }, dtype: ScalarType.Int64, device: Device)
            : torch.multinomial(classFrequencies, BatchSize, replacement: true);
    }

    /// <summary>Runs the generator on <paramref name="noise"/>, conditioned on <paramref name="labels"/> in a conditional run.</summary>
    /// <param name="noise">Latent vectors, as <see cref="Noise"/> draws them.</param>
    /// <param name="labels">The labels to generate, as <see cref="FakeLabels"/> draws them; null in an unconditional run.</param>
    /// <returns>Images with gradient to the generator.</returns>
    public Tensor Generate(Tensor noise, Tensor? labels) =>
        labels is null ? Generator.call(noise) : Generator.forward(noise, labels);

    /// <summary>
    /// Runs the discriminator once on <paramref name="images"/>: with their labels when it reads
    /// labels, and keeping the labels for the auxiliary classifier's loss either way.
    /// </summary>
    /// <param name="images">Real or generated images.</param>
    /// <param name="labels">Their labels; null in an unconditional run.</param>
    /// <returns>The images, their labels and the discriminator's outputs.</returns>
    public JudgedBatch Judge(Tensor images, Tensor? labels)
    {
        var output = Discriminator.Evaluate(images, Discriminator.ClassCount is null ? null : labels);
        return new JudgedBatch(images, labels, output.Logits, output.ClassLogits);
    }

    /// <summary>
    /// The discriminator's full loss: the adversarial term, the auxiliary classification term of an
    /// AC-GAN run, its regularisation and the penalty (computed on the real and generated images,
    /// with the real labels for a conditional discriminator).
    /// </summary>
    /// <param name="real">The judged real batch.</param>
    /// <param name="fake">The judged generated batch.</param>
    /// <returns>A 0-dim tensor.</returns>
    public Tensor DiscriminatorLoss(JudgedBatch real, JudgedBatch fake)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(fake);
        var loss = Loss.DiscriminatorLoss(real.Logits, fake.Logits) + Discriminator.RegularizationLoss();
        if (AuxiliaryLoss is { } auxiliary)
        {
            loss = loss + auxiliary.DiscriminatorLoss(real.ClassLogits!, real.Labels!, fake.ClassLogits!, fake.Labels!);
        }

        if (Penalty is not { } penalty)
        {
            return loss;
        }

        if (Discriminator.ClassCount is null)
        {
            return loss + penalty.Compute(Discriminator, real.Images, fake.Images);
        }

        using var bound = new LabelBoundDiscriminator(Discriminator, real.Labels!);
        return loss + penalty.Compute(bound, real.Images, fake.Images);
    }

    /// <summary>
    /// The generator's full loss: the adversarial term (which may read the real logits too), the
    /// auxiliary classification term of an AC-GAN run and its regularisation.
    /// </summary>
    /// <param name="real">The judged real batch.</param>
    /// <param name="fake">The judged generated batch, with gradient to the generator.</param>
    /// <returns>A 0-dim tensor.</returns>
    public Tensor GeneratorLoss(JudgedBatch real, JudgedBatch fake)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(fake);
        var loss = Loss.GeneratorLoss(real.Logits, fake.Logits) + Generator.RegularizationLoss();
        return AuxiliaryLoss is { } auxiliary ? loss + auxiliary.GeneratorLoss(fake.ClassLogits!, fake.Labels!) : loss;
    }

    /// <summary>Sets the class proportions <see cref="FakeLabels"/> draws from for the run now starting; null for uniform.</summary>
    internal void UseClassFrequencies(Tensor? frequencies)
    {
        classFrequencies?.Dispose();
        classFrequencies = frequencies;
    }

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
