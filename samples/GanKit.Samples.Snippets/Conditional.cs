using GanKit.Losses;
using GanKit.Mnist;
using GanKit.Networks;
using GanKit.Training;
using TorchSharp;

namespace GanKit.Samples.Snippets;

/// <summary>README, "Conditional GANs".</summary>
internal static class Conditional
{
    public static void Quickstart()
    {
        using var train = MnistDataset.Load(MnistSplit.Train);                 // images and their digits
        using var generator = MnistDcgan.ConditionalOriginalGenerator(seed: 1);
        using var discriminator = MnistDcgan.ConditionalOriginalDiscriminator(seed: 2);
        var options = new AdversarialTrainerOptions { Epochs = 5, OutputDirectory = "runs/conditional" };
        using var trainer = new AdversarialTrainer(generator, discriminator, options);
        trainer.Fit(train);                            // real digits come with their images; samples/epoch-NNNN.png has a row per digit

        using var sevens = generator.Generate(16, Enumerable.Repeat(7, 16).ToArray(), seed: 3);   // [16, 1, 28, 28]
    }

    public static void PerDigitBatchNorm()
    {
        using var generator = MnistDcgan.ConditionalOriginalGenerator(seed: 1, MnistLabelPath.ConditionalBatchNorm);
        Console.WriteLine(generator.Summary());
    }

    public static (GeneratorNetwork Generator, DiscriminatorNetwork Projection, DiscriminatorNetwork LabelMaps, DiscriminatorNetwork AuxiliaryClassifier) Build()
    {
        var generator = new GeneratorBuilder(100)
            .LabelEmbedding(classCount: 10, dimensions: 50)                  // [100] -> [150]: noise and label
            .Dense(7 * 7 * 128, bias: false).ConditionalBatchNorm(10).LeakyReLU()
            .Reshape(128, 7, 7)
            .ConvTranspose2d(64, 5, 2, Padding.Same, bias: false).ConditionalBatchNorm(10).LeakyReLU()
            .ConvTranspose2d(1, 5, 2, Padding.Same, bias: false).Tanh()
            .Build(seed: 1);

        var projection = new DiscriminatorBuilder(1, 28, 28)
            .Conv2d(64, 5, 2, Padding.Same).LeakyReLU()
            .Flatten()
            .Projection(classCount: 10)                                      // w·h + b + embed(y)·h
            .Build(seed: 2);

        var labelMaps = new DiscriminatorBuilder(1, 28, 28)
            .LabelMaps(classCount: 10)                                       // [1, 28, 28] -> [11, 28, 28]
            .Conv2d(64, 5, 2, Padding.Same).LeakyReLU()
            .Flatten()
            .Dense(1)
            .Build(seed: 2);

        var auxiliaryClassifier = new DiscriminatorBuilder(1, 28, 28)
            .Conv2d(64, 5, 2, Padding.Same).LeakyReLU()
            .Flatten()
            .AuxiliaryClassifier(classCount: 10)                             // AC-GAN: the logit and 10 class logits
            .Build(seed: 2);

        return (generator, projection, labelMaps, auxiliaryClassifier);
    }

    public static AdversarialTrainerOptions Options() => new()
    {
        FakeLabels = FakeLabelSampling.ClassFrequencies,    // fake digits in the data's proportions (default: uniform)
        AuxiliaryLoss = new AuxiliaryClassifierLoss(weight: 1.0),   // AC-GAN runs only; null is the paper's
        SamplesPerClass = 10,                               // sample grid: 10 digits x 10 columns
    };
}
