using System.Globalization;
using System.Security.Cryptography;
using GanKit;
using GanKit.Data;
using GanKit.Networks;
using GanKit.Training;
using TorchSharp;

// Usage:
//   train <outputDirectory> <generatorSeed> <discriminatorSeed> <runSeed>
//       builds the tiny networks with those seeds, trains two epochs and prints one line per epoch
//       ("epoch <n> <D loss bits> <G loss bits>") and the SHA-256 of both networks' saved weights.
//   generate <networkFile> <count> <noiseSeed> <outputFile>
//       loads a saved generator (no building code runs here) and writes the raw float32 bytes of
//       <count> images drawn from noise of a generator seeded with <noiseSeed>.
//   load <networkFile>
//       loads a saved generator and prints "loaded", or the exception's type and message (exit 3).
// The test process compares the output of such processes bit for bit.
torch.set_num_threads(1);
switch (args)
{
    case ["train", var directory, var g, var d, var run]:
        return Train(directory, Long(g), Long(d), Long(run));
    case ["generate", var file, var count, var seed, var output]:
        return Generate(file, Long(count), Long(seed), output);
    case ["load", var file]:
        return TryLoad(file);
}

Console.Error.WriteLine("usage: train <outputDirectory> <generatorSeed> <discriminatorSeed> <runSeed> | generate <networkFile> <count> <noiseSeed> <outputFile> | load <networkFile>");
return 2;

static int Generate(string file, long count, long seed, string output)
{
    using var generator = GeneratorNetwork.Load(file);
    using var random = new torch.Generator((ulong)seed);
    using var noise = torch.randn(new[] { count, generator.LatentDim }, generator: random);
    using var noGrad = torch.no_grad();
    using var images = generator.call(noise).contiguous();
    File.WriteAllBytes(output, images.bytes.ToArray());
    return 0;
}

static int TryLoad(string file)
{
    try
    {
        using var generator = GeneratorNetwork.Load(file);
        Console.WriteLine("loaded");
        return 0;
    }
    catch (Exception e)
    {
        Console.WriteLine(e.GetType().FullName + ": " + e.Message);
        return 3;
    }
}

static long Long(string text) => long.Parse(text, CultureInfo.InvariantCulture);

static int Train(string outputDirectory, long generatorSeed, long discriminatorSeed, long runSeed)
{
    // Draw from the global stream first, as unrelated code in a real process would: seeded
    // networks and a seeded run must not depend on it.
    using (torch.randn(17))
    {
    }

    using var generator = new GeneratorBuilder(8)
        .Dense(4 * 4 * 4, bias: false).BatchNorm().LeakyReLU()
        .Reshape(4, 4, 4)
        .ConvTranspose2d(1, 3, 2, Padding.Same, bias: false).Tanh()
        .Build(generatorSeed);
    using var discriminator = new DiscriminatorBuilder(1, 8, 8)
        .Conv2d(4, 3, 2, Padding.Same).LeakyReLU().Dropout(0.3)
        .Flatten().Dense(1)
        .Build(discriminatorSeed);
    using var random = new torch.Generator(3);
    using var unit = torch.rand(new long[] { 40, 1, 8, 8 }, generator: random);
    using var data = new TensorImageDataset(unit * 2 - 1);
    var options = new AdversarialTrainerOptions { Epochs = 2, BatchSize = 8, Seed = runSeed, LogEvery = 2, Device = torch.CPU, OutputDirectory = outputDirectory };
    using var trainer = new AdversarialTrainer(generator, discriminator, options);
    var history = trainer.Fit(data);
    foreach (var row in history.Rows)
    {
        Console.WriteLine(FormattableString.Invariant($"epoch {row.Epoch} {BitConverter.DoubleToInt64Bits(row.DiscriminatorLoss):X16} {BitConverter.DoubleToInt64Bits(row.GeneratorLoss):X16}"));
    }

    Console.WriteLine("generator " + Hash(generator));
    Console.WriteLine("discriminator " + Hash(discriminator));
    return 0;
}

static string Hash(torch.nn.Module module)
{
    // Module.save closes the stream it is given; MemoryStream.ToArray still works afterwards.
    var stream = new MemoryStream();
    module.save(stream);
    return Convert.ToHexStringLower(SHA256.HashData(stream.ToArray()));
}
