using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Internal;

/// <summary>
/// Runs code that draws from torch's global CPU stream (a custom layer's own TorchSharp modules)
/// as if it drew from a private generator: the stream is seeded from that generator for the call
/// and put back as it was afterwards, as PyTorch's <c>torch.random.fork_rng</c> does.
/// </summary>
internal static class ForkedGlobalStream
{
    public static T Run<T>(Generator random, Func<T> create)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(create);
        long seed;
        using (var draw = torch.randint(long.MaxValue, new long[] { 1 }, dtype: ScalarType.Int64, generator: random))
        {
            seed = draw.item<long>();
        }

        using var saved = torch.random.get_rng_state();
        torch.random.manual_seed(seed);
        try
        {
            return create();
        }
        finally
        {
            torch.random.set_rng_state(saved);
        }
    }
}
