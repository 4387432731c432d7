using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Runtime;

/// <summary>
/// Device comparisons by value. TorchSharp's <see cref="Device"/> compares by reference, so two
/// equal devices are not <c>==</c>; code that decides whether to copy a tensor must compare the
/// device's type and index instead.
/// </summary>
public static class Devices
{
    /// <summary>
    /// True when <paramref name="tensor"/> already lives on <paramref name="device"/>. A device without
    /// an index (plain <c>"cuda"</c>) matches any index of its type.
    /// </summary>
    /// <param name="tensor">The tensor whose placement is asked about.</param>
    /// <param name="device">The device it should be on.</param>
    /// <returns>True when no copy is needed to use <paramref name="tensor"/> on <paramref name="device"/>.</returns>
    /// <exception cref="ArgumentNullException">Either argument is null.</exception>
    public static bool IsOn(Tensor tensor, Device device)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        ArgumentNullException.ThrowIfNull(device);
        return tensor.device_type == device.type && (device.index < 0 || tensor.device_index == device.index);
    }

    /// <summary>True when both devices name the same device: the same type and index.</summary>
    /// <param name="first">One device.</param>
    /// <param name="second">The other device.</param>
    /// <returns>True when tensors on one need no copy to be used on the other.</returns>
    /// <exception cref="ArgumentNullException">Either argument is null.</exception>
    public static bool AreSame(Device first, Device second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        return first.type == second.type && Math.Max(first.index, 0) == Math.Max(second.index, 0);
    }
}
