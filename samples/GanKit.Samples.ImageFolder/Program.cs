using GanKit;
using GanKit.Data;
using GanKit.Metrics;
using GanKit.Training;
using TorchSharp;

string folder = args.Length > 0 ? args[0] : "my-images";

// Every PNG, JPEG, BMP, GIF and WebP below the folder, resized and centre-cropped to 32x32 RGB in [-1, 1].
using var images = ImageFolderDataset.Open(folder, new ImageFolderOptions { ImageSize = 32, Channels = 3 });

// Held in memory when it fits in 2 GiB once decoded, else streamed from disk on background threads.
using var batches = images.CreateBatchSource(new BatchSourceOptions { MemoryLimitBytes = 2L << 30 });

using var generator = new GeneratorBuilder(latentDim: 100)
    .Dense(256 * 4 * 4, bias: false).BatchNorm().LeakyReLU()
    .Reshape(256, 4, 4)
    .ConvTranspose2d(128, 5, 2, Padding.Same, bias: false).BatchNorm().LeakyReLU()
    .ConvTranspose2d(64, 5, 2, Padding.Same, bias: false).BatchNorm().LeakyReLU()
    .ConvTranspose2d(3, 5, 2, Padding.Same, bias: false).Tanh()
    .Build();
using var discriminator = new DiscriminatorBuilder(3, 32, 32)
    .Conv2d(64, 5, 2, Padding.Same).LeakyReLU().Dropout(0.3)
    .Conv2d(128, 5, 2, Padding.Same).LeakyReLU().Dropout(0.3)
    .Conv2d(256, 5, 2, Padding.Same).LeakyReLU().Dropout(0.3)
    .Flatten().Dense(1)
    .Build();

var options = new AdversarialTrainerOptions { Epochs = 1, BatchSize = 64, MaxBatchesPerEpoch = 20, OutputDirectory = "runs/my-images" };
using var trainer = new AdversarialTrainer(generator, discriminator, options);
trainer.Fit(batches);

// Unlabelled images: seeded random convolutional features, comparable only between runs of this project.
int n = (int)Math.Min(500, images.Count);
using var real = torch.stack(Enumerable.Range(0, n).Select(i => images.Decode(i)).ToArray());
using var fake = trainer.Generate(n);
using var features = new RandomConvFeatureExtractor(images.ImageShape);
var report = ImageSetEvaluator.Evaluate(features, real, fake);
Console.WriteLine($"FID {report.Fid:F1}, density {report.DensityCoverage.Density:F2}, coverage {report.DensityCoverage.Coverage:F2} ({report.ExtractorName}, {report.ExtractorWeightsSha256[..12]})");
