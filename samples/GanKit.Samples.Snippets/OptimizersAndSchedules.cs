using GanKit.Training;
using TorchSharp;

namespace GanKit.Samples.Snippets;

/// <summary>README, "Optimisers and schedules".</summary>
internal static class OptimizersAndSchedules
{
    public static AdversarialTrainerOptions Options() => new()
    {
        GeneratorOptimizer = parameters => torch.optim.AdamW(parameters, lr: 2e-4, beta1: 0.5),
        DiscriminatorOptimizer = parameters => torch.optim.SGD(parameters, learningRate: 0.01, momentum: 0.9),
        GeneratorSchedule = new LearningRateSchedule(o => torch.optim.lr_scheduler.StepLR(o, step_size: 10, gamma: 0.5)),
        DiscriminatorSchedule = new LearningRateSchedule(o => torch.optim.lr_scheduler.ExponentialLR(o, gamma: 0.9999), ScheduleInterval.Step),
    };
}
