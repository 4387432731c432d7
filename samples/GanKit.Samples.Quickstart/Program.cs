using GanKit;
using GanKit.Imaging;
using GanKit.Mnist;
using GanKit.Training;
using TorchSharp;

// The Keras tutorial's DCGAN, layer by layer; every shape is checked the moment a layer is added.
// Build(seed) draws the initial weights from the network's own seeded generator, so together with
// the options' Seed the run repeats bit for bit on the CPU: the same losses every time.
using var generator = new GeneratorBuilder(latentDim: 100)
    .Dense(256 * 7 * 7, bias: false).BatchNorm().LeakyReLU()
    .Reshape(256, 7, 7)
    .ConvTranspose2d(128, 5, 1, Padding.Same, bias: false).BatchNorm().LeakyReLU()
    .ConvTranspose2d(64, 5, 2, Padding.Same, bias: false).BatchNorm().LeakyReLU()
    .ConvTranspose2d(1, 5, 2, Padding.Same, bias: false).Tanh()
    .Build(seed: 1);
using var discriminator = new DiscriminatorBuilder(1, 28, 28)
    .Conv2d(64, 5, 2, Padding.Same).LeakyReLU().Dropout(0.3)
    .Conv2d(128, 5, 2, Padding.Same).LeakyReLU().Dropout(0.3)
    .Flatten().Dense(1)
    .Build(seed: 2);
Console.WriteLine(generator.Summary());

// MNIST is fetched and verified on first use; defaults are the report's (Adam 1e-4, batch 256).
using var mnist = MnistDataset.Load(MnistSplit.Train);
// A second run in the same folder needs Resume = true to continue, or another OutputDirectory
// (or the old folder deleted) to start afresh.
var options = new AdversarialTrainerOptions { Epochs = 1, MaxBatchesPerEpoch = 20, Seed = 42, OutputDirectory = "runs/quickstart" };
using var trainer = new AdversarialTrainer(generator, discriminator, options);
var history = trainer.Fit(mnist);

using var images = trainer.Generate(16);
ImageGrid.SavePng(images, Path.Combine(options.OutputDirectory, "grid.png"));
var last = history.Rows[^1];
Console.WriteLine($"epoch {last.Epoch}: D loss {last.DiscriminatorLoss:F3}, G loss {last.GeneratorLoss:F3}");
