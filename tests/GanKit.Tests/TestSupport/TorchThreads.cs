using System.Runtime.CompilerServices;
using TorchSharp;

namespace GanKit.Tests.TestSupport;

internal static class TorchThreads
{
    // The test tensors are tiny: libtorch's worker threads only add contention with the test
    // runner's own parallel test classes on a small machine.
    [ModuleInitializer]
    internal static void UseOneThread() => torch.set_num_threads(1);
}
