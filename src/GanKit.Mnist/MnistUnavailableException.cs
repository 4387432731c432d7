using GanKit;

namespace GanKit.Mnist;

/// <summary>
/// Thrown when MNIST files are missing and no source could supply them. The message lists every
/// source tried with its failure, and how to place the files by hand.
/// </summary>
public sealed class MnistUnavailableException : GanKitException
{
    /// <summary>Creates the exception with the default message.</summary>
    public MnistUnavailableException()
        : this("MNIST is not available.", "", [])
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The full explanation.</param>
    public MnistUnavailableException(string message)
        : this(message, "", [])
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">The full explanation.</param>
    /// <param name="innerException">The cause.</param>
    public MnistUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
        Directory = "";
        Failures = [];
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The full explanation.</param>
    /// <param name="directory">The folder the files were wanted in.</param>
    /// <param name="failures">One line per source tried: what it was and why it failed.</param>
    public MnistUnavailableException(string message, string directory, IReadOnlyList<string> failures)
        : base(message)
    {
        Directory = directory;
        Failures = failures;
    }

    /// <summary>Gets the folder the files were wanted in.</summary>
    public string Directory { get; }

    /// <summary>Gets one line per source tried: what it was and why it failed.</summary>
    public IReadOnlyList<string> Failures { get; }
}
