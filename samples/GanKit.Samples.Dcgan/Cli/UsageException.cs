namespace GanKit.Samples.Dcgan.Cli;

/// <summary>
/// A command-line value that parsed but cannot be used (a checkpoint that does not exist, an output
/// folder that cannot be written). The sample prints the message on one line and exits with
/// <see cref="ExitCodes.Usage"/>.
/// </summary>
internal sealed class UsageException(string message) : Exception(message);
