// The consumer app of scripts/package-smoke.sh: it uses GanKit and GanKit.Mnist only through
// their packages. Argument: the folder to write into.
using System.Globalization;
using GanKit.Data;
using GanKit.Imaging;
using GanKit.Mnist;
using GanKit.Training;
using TorchSharp;

string output = args.Length > 0 ? args[0] : "smoke-output";
Directory.CreateDirectory(output);

torch.manual_seed(7);
using var generator = MnistDcgan.OriginalGenerator();
using var discriminator = MnistDcgan.OriginalDiscriminator();
Console.WriteLine($"generator parameters: {generator.TrainableParameterCount}");
Console.WriteLine($"discriminator parameters: {discriminator.TrainableParameterCount}");

// A small synthetic set in the generator's [-1, 1] range stands in for MNIST: no download needed.
using var dataset = new TensorImageDataset(torch.rand(16, 1, 28, 28) * 2 - 1);
var options = new AdversarialTrainerOptions
{
    Epochs = 1,
    BatchSize = 8,
    MaxBatchesPerEpoch = 1,
    Seed = 7,
    OutputDirectory = Path.Combine(output, "run"),
};
using var trainer = new AdversarialTrainer(generator, discriminator, options);
var history = trainer.Fit(dataset);
var row = history.Rows[^1];
Console.WriteLine($"trained steps: {row.Step}");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"losses: d={row.DiscriminatorLoss:F4} g={row.GeneratorLoss:F4}"));

using var images = trainer.Generate(16);
string grid = Path.Combine(output, "grid.png");
ImageGrid.SavePng(images, grid, columns: 4);
Console.WriteLine($"grid: {grid}");
