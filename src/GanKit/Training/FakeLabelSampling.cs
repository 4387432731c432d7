namespace GanKit.Training;

/// <summary>How a conditional run draws the labels of the images it generates for training.</summary>
public enum FakeLabelSampling
{
    /// <summary>Every class equally often, whatever the data's balance.</summary>
    Uniform,

    /// <summary>In the proportions of the training data's classes (<see cref="Data.ILabelledBatchSource.ClassSizes"/>).</summary>
    ClassFrequencies,
}
