// A user-written layer in a GanKit discriminator, trained with hinge loss and an R1 penalty.
//
//   dotnet run -c Release --project samples/GanKit.Samples.CustomLayer -- [--max-batches N] [--out DIR]
//
// The defaults train 20 batches of 64 MNIST digits: a minute or two on a CPU, enough to watch the
// losses move and see blobs turn into strokes in runs/custom-layer/samples.
using System.Globalization;
using GanKit;
using GanKit.Losses;
using GanKit.Mnist;
using GanKit.Regularization;
using GanKit.Samples.CustomLayer;
using GanKit.Training;
using TorchSharp;

int maxBatches = 20;
string output = Path.Combine("runs", "custom-layer");
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--max-batches" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out int n) && n > 0:
            maxBatches = n;
            i++;
            break;
        case "--out" when i + 1 < args.Length:
            output = args[++i];
            break;
        default:
            Console.Error.WriteLine($"error: unknown or incomplete argument '{args[i]}'. Usage: [--max-batches N] [--out DIR]");
            return 2;
    }
}

// MNIST is fetched and verified on first use, then read from the local cache.
using var mnist = MnistDataset.Load(MnistSplit.Train);

// Build the networks outside any dispose scope: their parameters must outlive it.
torch.manual_seed(1);
using var generator = new GeneratorBuilder(latentDim: 100)
    .Dense(7 * 7 * 128, bias: false).BatchNorm().LeakyReLU()
    .Reshape(128, 7, 7)
    .ConvTranspose2d(64, 5, 2, Padding.Same, bias: false).BatchNorm().LeakyReLU()
    .ConvTranspose2d(1, 5, 2, Padding.Same, bias: false).Tanh()
    .Build();

// The custom layer goes where the discriminator still sees feature maps ([C, H, W]): it adds one
// channel, so the next convolution takes 65 channels instead of 64. The builder checks that now;
// putting it after Flatten() would fail here, naming the layer, instead of at the first step.
using var discriminator = new DiscriminatorBuilder(1, 28, 28)
    .Conv2d(64, 5, 2, Padding.Same).LeakyReLU()
    .Add(new MinibatchStdDevLayer(groupSize: 4))
    .Conv2d(128, 5, 2, Padding.Same).LeakyReLU()
    .Flatten()
    .Dense(1)
    .Build();

Console.WriteLine(discriminator.Summary());

var options = new AdversarialTrainerOptions
{
    Epochs = 1,
    BatchSize = 64,
    MaxBatchesPerEpoch = maxBatches,
    Seed = 1,
    OutputDirectory = output,
    // Hinge loss: the discriminator stops pushing once a logit is past the margin, and the
    // generator maximises the critic's raw score.
    Loss = new HingeLoss(),
    // R1 penalises the discriminator's gradient on real images only, keeping it smooth where the
    // data is; gamma 10 is the usual value for MNIST-sized images.
    Penalty = new R1Penalty(gamma: 10),
    // With a penalty, the usual recipe updates the discriminator first, then the generator.
    UpdateScheme = UpdateScheme.Alternating,
    GeneratorLearningRate = 2e-4,
    DiscriminatorLearningRate = 2e-4,
    GeneratorBeta1 = 0.5,
    DiscriminatorBeta1 = 0.5,
    LogEvery = 10,
};

using var trainer = new AdversarialTrainer(generator, discriminator, options);
var progress = new Progress<TrainingProgress>(p => Console.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"step {p.Step,4}/{p.BatchesPerEpoch}: D {p.DiscriminatorLoss,7:F3}  G {p.GeneratorLoss,7:F3}  D(x) {p.RealScore:F2}  D(G(z)) {p.FakeScore:F2}")));
var history = trainer.Fit(mnist, progress);

var last = history.Rows[^1];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Trained {last.Step} steps in {last.Seconds:F0} s; samples in {Path.Combine(output, AdversarialTrainer.SamplesFolderName)}."));
return 0;
