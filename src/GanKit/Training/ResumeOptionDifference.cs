namespace GanKit.Training;

/// <summary>One option a resumed run asked to change although a checkpoint fixes it.</summary>
/// <param name="Option">The <see cref="AdversarialTrainerOptions"/> property, such as <c>GeneratorLearningRate</c>.</param>
/// <param name="Stored">The value the checkpoint was trained with.</param>
/// <param name="Requested">The value of this run's options.</param>
public sealed record ResumeOptionDifference(string Option, string Stored, string Requested);
