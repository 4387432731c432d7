namespace GanKit;

/// <summary>
/// The base of every exception GanKit and GanKit.Mnist throw for their own conditions (a diverged
/// run, a libtorch that cannot load, MNIST that cannot be found), so one <c>catch</c> can tell
/// GanKit's failures from others. Bad arguments are still <see cref="ArgumentException"/>s and bad
/// files <see cref="InvalidDataException"/>s, as in .NET itself.
/// </summary>
public abstract class GanKitException : Exception
{
    /// <summary>Creates the exception with the default message.</summary>
    protected GanKitException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">Describes the failure.</param>
    protected GanKitException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">Describes the failure.</param>
    /// <param name="innerException">The cause.</param>
    protected GanKitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
