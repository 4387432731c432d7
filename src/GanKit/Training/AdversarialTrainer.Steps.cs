using GanKit.Training.Steps;
using static TorchSharp.torch;

namespace GanKit.Training;

public sealed partial class AdversarialTrainer
{
    private StepResult RunStep(Tensor real, Tensor? labels, long step)
    {
        var outcome = _step.Run(_stepContext, new TrainingBatch(real, labels, step))
            ?? throw new InvalidOperationException($"The training step '{_step.Name}' returned no outcome at step {step}.");
        var loss = _options.Loss;
        return new StepResult(outcome.DiscriminatorLoss.detach(), outcome.GeneratorLoss?.detach(), loss.Score(outcome.RealLogits), loss.Score(outcome.FakeLogits));
    }

    private readonly record struct StepResult(Tensor DiscriminatorLoss, Tensor? GeneratorLoss, Tensor RealScore, Tensor FakeScore);
}
