using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Internal;

/// <summary>Device comparisons that do not depend on object identity.</summary>
internal static class Devices
{
    /// <summary>
    /// True when <paramref name="tensor"/> already lives on <paramref name="device"/>. TorchSharp's
    /// <see cref="Device"/> compares by reference, so two equal devices are not <c>==</c>; a device
    /// without an index (plain "cuda") matches any index of its type.
    /// </summary>
    public static bool IsOn(Tensor tensor, Device device) =>
        tensor.device_type == device.type && (device.index < 0 || tensor.device_index == device.index);

    /// <summary>True when <paramref name="actual"/> is <paramref name="wanted"/>, by type and index; a wanted device without an index matches any index of its type.</summary>
    public static bool IsSame(Device actual, Device wanted) =>
        actual.type == wanted.type && (wanted.index < 0 || actual.index == wanted.index);
}
