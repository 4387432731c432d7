// Trains the MNIST classifier whose features GanKit's FID/KID evaluation uses, and writes the
// weights that GanKit.Mnist embeds. Run from anywhere inside the repository:
//
//   dotnet run -c Release --project samples/GanKit.Samples.MnistClassifier [-- <output path>]
//
// The default output is src/GanKit.Mnist/Evaluation/mnist-lenet.weights. The run is seeded and
// single-configuration, so it reproduces the shipped file; if it ever does not (another libtorch
// build or CPU family), the printed hash is the value MnistClassifier.ShippedWeightsSha256 needs.
using System.Diagnostics;
using GanKit.Mnist;
using GanKit.Samples.MnistClassifier;
using Classifier = GanKit.Mnist.Evaluation.MnistClassifier;

const double RequiredAccuracy = 0.99;

string output = args.Length > 0 ? Path.GetFullPath(args[0]) : DefaultOutputPath();
Console.WriteLine("Loading MNIST (train and test splits, images in [-1, 1])...");
using var train = MnistDataset.Load(MnistSplit.Train);
using var test = MnistDataset.Load(MnistSplit.Test);

Console.WriteLine($"Training on {train.Count} images: seed {ClassifierTraining.Seed}, {ClassifierTraining.Epochs} epochs, batch {ClassifierTraining.BatchSize}, Adam lr {ClassifierTraining.InitialLearningRate} halved each epoch, {ClassifierTraining.Threads} CPU threads.");
var watch = Stopwatch.StartNew();
using var model = ClassifierTraining.Train(train.Images, train.Labels, Console.WriteLine);
Console.WriteLine($"Training took {watch.Elapsed.TotalMinutes:F1} min.");

double accuracy = model.Accuracy(test.Images, test.Labels);
Console.WriteLine($"Test accuracy: {accuracy:P2} on {test.Count} images.");

Directory.CreateDirectory(Path.GetDirectoryName(output)!);
model.save(output);
byte[] weights = File.ReadAllBytes(output);
string hash = Classifier.Sha256Hex(weights);
Console.WriteLine($"Wrote {output} ({weights.Length:N0} bytes), SHA-256 {hash}.");
Console.WriteLine(hash == Classifier.ShippedWeightsSha256
    ? "The hash matches MnistClassifier.ShippedWeightsSha256: the shipped weights are reproduced."
    : $"The hash differs from MnistClassifier.ShippedWeightsSha256 ({Classifier.ShippedWeightsSha256}); set it to the value above to ship these weights.");

if (accuracy < RequiredAccuracy)
{
    Console.Error.WriteLine($"Test accuracy {accuracy:P2} is below the required {RequiredAccuracy:P0}.");
    return 1;
}

return 0;

static string DefaultOutputPath()
{
    for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "GanKit.sln")))
        {
            return Path.Combine(dir.FullName, "src", "GanKit.Mnist", "Evaluation", "mnist-lenet.weights");
        }
    }

    throw new DirectoryNotFoundException($"No GanKit.sln above {Environment.CurrentDirectory}; run from inside the repository or pass an output path.");
}
