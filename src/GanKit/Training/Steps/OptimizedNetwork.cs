using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.optim.lr_scheduler;

namespace GanKit.Training.Steps;

/// <summary>One network's optimiser, its parameters and its schedule, with how often the schedule was stepped.</summary>
internal sealed class OptimizedNetwork : IDisposable
{
    private readonly LRScheduler? scheduler;
    private readonly ScheduleInterval interval;

    public OptimizedNetwork(TorchSharp.Modules.OptimizerHelper optimizer, Tensor[] parameters, LearningRateSchedule? schedule)
    {
        Optimizer = optimizer;
        Parameters = parameters;
        scheduler = schedule?.Create(optimizer);
        interval = schedule?.Interval ?? ScheduleInterval.Epoch;
    }

    public TorchSharp.Modules.OptimizerHelper Optimizer { get; }

    public Tensor[] Parameters { get; }

    /// <summary>Gets how many times the schedule has been stepped; a checkpoint stores it.</summary>
    public long ScheduleSteps { get; private set; }

    /// <summary>Steps the optimiser, then the schedule when it runs per step.</summary>
    public void Step()
    {
        Optimizer.step();
        if (interval == ScheduleInterval.Step)
        {
            StepSchedule();
        }
    }

    /// <summary>Steps the schedule when it runs per epoch.</summary>
    public void EndEpoch()
    {
        if (interval == ScheduleInterval.Epoch)
        {
            StepSchedule();
        }
    }

    /// <summary>Brings a fresh schedule to where a checkpoint left it; call before loading the optimiser's state.</summary>
    public void ReplaySchedule(long steps)
    {
        for (long i = ScheduleSteps; i < steps; i++)
        {
            StepSchedule();
        }
    }

    public void Dispose() => Optimizer.Dispose();

    private void StepSchedule()
    {
        if (scheduler is not null)
        {
            scheduler.step();
            ScheduleSteps++;
        }
    }
}
