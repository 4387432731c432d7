namespace GanKit.Runtime;

/// <summary>
/// TorchSharp's native library could not be loaded. The message names the cause GanKit found
/// (an old libstdc++, a missing backend package, an external libtorch or LibTorchSharp missing from
/// the library search path, or another failure) and the fix; TorchSharp's own
/// exception is the <see cref="Exception.InnerException"/>.
/// </summary>
public sealed class TorchRuntimeUnavailableException : GanKitException
{
    /// <summary>Creates the exception.</summary>
    public TorchRuntimeUnavailableException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public TorchRuntimeUnavailableException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and TorchSharp's exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">TorchSharp's exception.</param>
    public TorchRuntimeUnavailableException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
