namespace GanKit.Training;

/// <summary>When a <see cref="LearningRateSchedule"/> is stepped.</summary>
public enum ScheduleInterval
{
    /// <summary>After every epoch, as PyTorch's examples step their schedulers.</summary>
    Epoch,

    /// <summary>After every update of the network the schedule belongs to (for the generator under <see cref="UpdateScheme.Alternating"/>, every generator step).</summary>
    Step,
}
