using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Samples.CustomLayer;

/// <summary>The module a <see cref="MinibatchStdDevLayer"/> creates: <c>[N, C, H, W]</c> to <c>[N, C + 1, H, W]</c>.</summary>
/// <remarks>It has no weights, so it needs no initialiser and adds nothing to the parameter count.</remarks>
public sealed class MinibatchStdDevModule : nn.Module<Tensor, Tensor>
{
    // Keeps sqrt away from zero, whose gradient is infinite: identical samples are exactly the
    // case (mode collapse) this layer exists to report.
    private const double Epsilon = 1e-8;

    private readonly int _groupSize;

    /// <summary>Creates the module.</summary>
    /// <param name="groupSize">Largest group of samples compared with each other.</param>
    public MinibatchStdDevModule(int groupSize)
        : base(nameof(MinibatchStdDevModule))
    {
        _groupSize = groupSize;
        RegisterComponents();
    }

    /// <summary>Appends the group's mean standard deviation as one extra channel.</summary>
    /// <param name="input">Feature maps <c>[N, C, H, W]</c>.</param>
    /// <returns><c>[N, C + 1, H, W]</c>.</returns>
    public override Tensor forward(Tensor input)
    {
        using var scope = torch.NewDisposeScope();
        long n = input.shape[0], c = input.shape[1], h = input.shape[2], w = input.shape[3];
        long g = GroupFor(n);

        // Sample i belongs to group i % (n / g): statistics over dimension 0 of [g, n/g, ...].
        var grouped = input.reshape(g, -1, c, h, w);
        var deviation = grouped - grouped.mean([0], keepdim: true);
        var std = (deviation.square().mean([0]) + Epsilon).sqrt();       // [n/g, C, H, W]
        var perGroup = std.mean([1, 2, 3]).reshape(-1, 1, 1, 1);          // [n/g, 1, 1, 1]
        var channel = perGroup.repeat(g, 1, h, w);                        // [n, 1, H, W]
        return torch.cat([input, channel], 1).MoveToOuterDisposeScope();
    }

    /// <summary>The largest group size up to the configured one that divides the batch (1 for a batch of 1).</summary>
    internal long GroupFor(long batch)
    {
        for (long g = Math.Min(_groupSize, batch); g > 1; g--)
        {
            if (batch % g == 0)
            {
                return g;
            }
        }

        return 1;
    }
}
