using GanKit.Data;
using GanKit.Networks;
using GanKit.Training;

namespace GanKit.Samples.Snippets;

/// <summary>README, "Training".</summary>
internal static class Training
{
    public static void Run(GeneratorNetwork generator, DiscriminatorNetwork discriminator, IImageDataset dataset)
    {
        using var trainer = new AdversarialTrainer(generator, discriminator, new AdversarialTrainerOptions { OutputDirectory = "runs/mnist" });
        TrainingHistory history = trainer.Fit(dataset);   // any IImageDataset: MnistDataset, TensorImageDataset, your own
    }
}
