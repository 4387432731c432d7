using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Training;

public sealed partial class AdversarialTrainer
{
    /// <summary>
    /// The Keras tutorial's step: one generator pass, the discriminator once on real and once on
    /// generated images, both losses from that pass, both networks updated.
    /// </summary>
    private StepResult SimultaneousStep(Tensor real)
    {
        var noise = torch.randn(new[] { (long)_options.BatchSize, _generator.LatentDim }, device: Device);
        var fake = _generator.call(noise);
        var realLogits = _discriminator.call(real);
        var fakeLogits = _discriminator.call(fake);

        var generatorLoss = _options.Loss.GeneratorLoss(fakeLogits) + _generator.RegularizationLoss();
        var discriminatorLoss = _options.Loss.DiscriminatorLoss(realLogits, fakeLogits) + _discriminator.RegularizationLoss();
        if (_options.Penalty is { } penalty)
        {
            discriminatorLoss = discriminatorLoss + penalty.Compute(_discriminator, real, fake);
        }

        // Restricting each backward pass to one network's parameters gives what the tutorial's two
        // gradient tapes give: the discriminator's loss never moves the generator and vice versa,
        // although both flow through the same graph. Both gradients exist before either step.
        _generatorOptimizer.zero_grad();
        _discriminatorOptimizer.zero_grad();
        generatorLoss.backward(retain_graph: true, inputs: _generatorParameters);
        discriminatorLoss.backward(inputs: _discriminatorParameters);
        _generatorOptimizer.step();
        _discriminatorOptimizer.step();
        _ema?.Update(_generator);

        return new StepResult(discriminatorLoss.detach(), generatorLoss.detach(), Score(realLogits), Score(fakeLogits));
    }

    /// <summary>
    /// The PyTorch step: the discriminator learns from detached generated images; then, on
    /// generator steps, the generator learns through the updated discriminator from fresh noise.
    /// </summary>
    private StepResult AlternatingStep(Tensor real, bool generatorStep)
    {
        var noise = torch.randn(new[] { (long)_options.BatchSize, _generator.LatentDim }, device: Device);
        Tensor fake;
        using (torch.no_grad())
        {
            fake = _generator.call(noise);
        }

        var realLogits = _discriminator.call(real);
        var fakeLogits = _discriminator.call(fake);
        var discriminatorLoss = _options.Loss.DiscriminatorLoss(realLogits, fakeLogits) + _discriminator.RegularizationLoss();
        if (_options.Penalty is { } penalty)
        {
            discriminatorLoss = discriminatorLoss + penalty.Compute(_discriminator, real, fake);
        }

        _discriminatorOptimizer.zero_grad();
        discriminatorLoss.backward(inputs: _discriminatorParameters);
        _discriminatorOptimizer.step();

        Tensor? generatorLoss = null;
        if (generatorStep)
        {
            var freshNoise = torch.randn(new[] { (long)_options.BatchSize, _generator.LatentDim }, device: Device);
            var freshLogits = _discriminator.call(_generator.call(freshNoise));
            var loss = _options.Loss.GeneratorLoss(freshLogits) + _generator.RegularizationLoss();
            _generatorOptimizer.zero_grad();
            loss.backward(inputs: _generatorParameters);
            _generatorOptimizer.step();
            _ema?.Update(_generator);
            generatorLoss = loss.detach();
        }

        return new StepResult(discriminatorLoss.detach(), generatorLoss, Score(realLogits), Score(fakeLogits));
    }

    private static Tensor Score(Tensor logits) => logits.detach().sigmoid().mean();

    private readonly record struct StepResult(Tensor DiscriminatorLoss, Tensor? GeneratorLoss, Tensor RealScore, Tensor FakeScore);
}
