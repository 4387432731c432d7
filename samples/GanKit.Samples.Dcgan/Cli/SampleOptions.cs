using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace GanKit.Samples.Dcgan.Cli;

/// <summary>The options the commands share, with the reproduced report's settings as defaults.</summary>
internal static class SampleOptions
{
    /// <summary>Epochs of the report's runs.</summary>
    public const int DefaultEpochs = 50;

    /// <summary>Batch size of the report's runs.</summary>
    public const int DefaultBatchSize = 256;

    /// <summary>Adam learning rate of the report's runs.</summary>
    public const double DefaultLearningRate = 1e-4;

    /// <summary>Generated images in the final evaluation, the usual size for FID on MNIST.</summary>
    public const int DefaultEvalSamples = 10_000;

    /// <summary>
    /// The fewest images an evaluation can score: 2 for FID's covariance, one per classifier-score
    /// split, and k + 1 for precision and recall's k nearest neighbours.
    /// </summary>
    public static readonly int MinimumEvalSamples = Math.Max(2, Math.Max(GanKit.Metrics.ClassifierScore.DefaultSplits, GanKit.Metrics.PrecisionRecall.DefaultK + 1));

    /// <summary>The most digits <c>generate</c> puts in one grid: 100 x 100, a 2,800-pixel square PNG.</summary>
    public const int MaxGridCount = 10_000;

    /// <summary>Images in <c>generate</c>'s grid of an unconditional run when <c>--count</c> is not given: 8 x 8.</summary>
    public const int DefaultGridCount = 64;

    /// <summary>Images per digit (one grid row) from a conditional run when <c>--count</c> is not given: 10, so all digits make a 10 x 10 grid.</summary>
    public const int DefaultImagesPerDigit = 10;

    /// <summary>The digits <c>--digit</c> accepts: MNIST's classes.</summary>
    public const int DigitCount = 10;

    /// <summary>The architectures <c>--arch</c> accepts.</summary>
    public static readonly string[] Architectures = ["original", "modified"];

    /// <summary>The devices <c>--device</c> accepts.</summary>
    public static readonly string[] Devices = ["cpu", "cuda"];

    public static Option<int> Positive(string name, int defaultValue, string description) =>
        WithCheck(new Option<int>(name) { Description = description, DefaultValueFactory = _ => defaultValue }, v => v > 0, "must be a positive whole number");

    public static Option<int> Between(string name, int minimum, int maximum, int defaultValue, string description) =>
        WithCheck(
            new Option<int>(name) { Description = $"{description} {minimum} to {maximum}.", DefaultValueFactory = _ => defaultValue },
            v => v >= minimum && v <= maximum,
            $"must be a whole number from {minimum} to {maximum}");

    public static Option<int?> OptionalPositive(string name, string description) =>
        WithCheck(new Option<int?>(name) { Description = description }, v => v is null || v > 0, "must be a positive whole number");

    public static Option<double> LearningRate() =>
        WithCheck(
            new Option<double>("--lr") { Description = "Adam learning rate of both networks.", DefaultValueFactory = _ => DefaultLearningRate },
            v => v > 0 && double.IsFinite(v),
            "must be a positive number");

    public static Option<int> Seed(string description = "Seed of weights, noise and batch order.") =>
        new("--seed") { Description = description, DefaultValueFactory = _ => 1 };

    public static Option<string> OneOf(string name, string[] allowed, string? defaultValue, string description)
    {
        var option = new Option<string>(name) { Description = description + $" One of: {string.Join(", ", allowed)}." };
        if (defaultValue is not null)
        {
            option.DefaultValueFactory = _ => defaultValue;
        }
        else
        {
            option.Required = true;
        }

        option.Validators.Add(result =>
        {
            string? value = result.GetValueOrDefault<string>();
            if (value is not null && !allowed.Contains(value, StringComparer.Ordinal))
            {
                result.AddError($"{name} must be one of {string.Join(", ", allowed)}; got '{value}'.");
            }
        });
        return option;
    }

    /// <summary>An integer option that must be one of <paramref name="allowed"/>.</summary>
    public static Option<int> OneOfNumbers(string name, int[] allowed, int defaultValue, string description)
    {
        var option = new Option<int>(name) { Description = description + $" One of: {string.Join(", ", allowed)}.", DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(result =>
        {
            int value = result.GetValueOrDefault<int>();
            if (!allowed.Contains(value))
            {
                result.AddError($"{name} must be one of {string.Join(", ", allowed)}; got {value}.");
            }
        });
        return option;
    }

    /// <summary><c>--conditional</c>: a flag, described for its command.</summary>
    public static Option<bool> Conditional(string description) => new("--conditional") { Description = description };

    public static Option<string> Device() => OneOf("--device", Devices, "cpu", "Where to train.");

    public static Option<string?> DataDirectory()
    {
        var option = new Option<string?>("--data") { Description = "Folder where MNIST is cached (downloaded on first use when empty)." };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is string value && string.IsNullOrWhiteSpace(value))
            {
                result.AddError($"--data must name a folder; got '{value}'. Leave it out to use the default cache.");
            }
        });
        return option;
    }

    public static Option<int> EvalSamples() =>
        WithCheck(
            new Option<int>("--eval-samples") { Description = "Generated images used for the final evaluation (a conditional run asks for the ten digits in equal numbers, at least 2 each).", DefaultValueFactory = _ => DefaultEvalSamples },
            v => v >= MinimumEvalSamples,
            $"must be at least {MinimumEvalSamples} (the fewest images FID, the classifier score and precision/recall can score)");

    public static Option<int?> GridCount() =>
        WithCheck(
            new Option<int?>("--count")
            {
                Description = $"Number of digits in the grid (default {DefaultGridCount}); for a conditional run, images per row, one row per digit asked for (default {DefaultImagesPerDigit}). At most {MaxGridCount} in all.",
            },
            v => v is null || (v > 0 && v <= MaxGridCount),
            $"must be a whole number from 1 to {MaxGridCount}");

    /// <summary><c>--digit</c>: comma-separated digits 0 to 9, each at most once.</summary>
    public static Option<IReadOnlyList<int>?> Digits() => new("--digit")
    {
        Description = "Digit(s) to ask a conditional generator for, comma-separated (e.g. 7 or 3,7): one grid row each. Default: every digit, 0 to 9.",
        CustomParser = ParseDigits,
    };

    private static IReadOnlyList<int>? ParseDigits(ArgumentResult result)
    {
        string text = string.Join(",", result.Tokens.Select(t => t.Value));
        var digits = new List<int>();
        foreach (string part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out int digit) || digit < 0 || digit >= DigitCount)
            {
                result.AddError($"--digit takes digits 0 to {DigitCount - 1}, separated by commas; got '{part}'.");
                return null;
            }

            if (digits.Contains(digit))
            {
                result.AddError($"--digit lists {digit} twice; each digit is one row of the grid.");
                return null;
            }

            digits.Add(digit);
        }

        if (digits.Count == 0)
        {
            result.AddError("--digit needs at least one digit.");
        }

        return digits;
    }

    public static Option<IReadOnlyList<int>> Seeds() => new("--seeds")
    {
        Description = "Comma-separated seeds, one run per architecture and seed.",
        DefaultValueFactory = _ => [1, 2, 3],
        CustomParser = ParseSeeds,
    };

    private static IReadOnlyList<int> ParseSeeds(ArgumentResult result)
    {
        string text = string.Join(",", result.Tokens.Select(t => t.Value));
        var seeds = new List<int>();
        foreach (string part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out int seed))
            {
                result.AddError($"--seeds must be whole numbers separated by commas; '{part}' is not one.");
                return [];
            }

            if (seeds.Contains(seed))
            {
                result.AddError($"--seeds lists {seed} twice; each seed is one run.");
                return [];
            }

            seeds.Add(seed);
        }

        if (seeds.Count == 0)
        {
            result.AddError("--seeds needs at least one seed.");
        }

        return seeds;
    }

    private static Option<T> WithCheck<T>(Option<T> option, Func<T, bool> isValid, string expectation)
    {
        option.Validators.Add(result =>
        {
            T value;
            try
            {
                value = result.GetValueOrDefault<T>();
            }
            catch (InvalidOperationException)
            {
                // The text did not convert; the parser already reports that error.
                return;
            }

            if (!isValid(value))
            {
                result.AddError($"{option.Name} {expectation}; got {Convert.ToString(value, CultureInfo.InvariantCulture)}.");
            }
        });
        return option;
    }
}
