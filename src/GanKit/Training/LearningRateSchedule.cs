using TorchSharp;
using static TorchSharp.torch.optim;
using static TorchSharp.torch.optim.lr_scheduler;

namespace GanKit.Training;

/// <summary>
/// A learning-rate schedule for one network: how to create TorchSharp's scheduler for that network's
/// optimiser, and whether the trainer steps it after every epoch or after every update.
/// </summary>
/// <example>
/// <code>
/// options.GeneratorSchedule = new LearningRateSchedule(o => torch.optim.lr_scheduler.StepLR(o, step_size: 10, gamma: 0.5));
/// </code>
/// </example>
/// <remarks>
/// TorchSharp's schedulers keep no saveable state, so a checkpoint records how many times the
/// schedule was stepped; resuming creates the scheduler again on the fresh optimiser and steps it
/// that many times before loading the optimiser's state, which gives the same learning rate bit for bit.
/// </remarks>
/// <param name="Create">Creates the scheduler for the optimiser the trainer made (called once per trainer).</param>
/// <param name="Interval">When the trainer steps it.</param>
public sealed record LearningRateSchedule(Func<Optimizer, LRScheduler> Create, ScheduleInterval Interval = ScheduleInterval.Epoch);
