using GanKit.Tests.TestSupport;
using GanKit.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Tests.Training;

public sealed class ExponentialMovingAverageTests
{
    private static TorchSharp.Modules.Sequential Net()
    {
        torch.manual_seed(3);
        return nn.Sequential(nn.Linear(3, 2), nn.BatchNorm1d(2));
    }

    [Fact]
    public void Update_blends_parameters_and_copies_buffers()
    {
        var net = Net();
        using var ema = new ExponentialMovingAverage(net, decay: 0.75);
        var weight = net.parameters().First();
        using var before = weight.detach().clone();
        using (torch.no_grad())
        {
            weight.add_(4.0);
        }

        net.train();
        using (var x = torch.randn(5, 3))
        using (net.call(x))
        {
        }

        ema.Update(net);

        using (ema.Apply(net))
        {
            using var expected = (before * 0.75) + ((before + 4.0) * 0.25);
            torch.allclose(weight, expected, rtol: 0, atol: 1e-6).Should().BeTrue();
            TensorAssert.Identical(weight, before + 4.0).Should().BeFalse("the averaged weights are loaded");
        }

        TensorAssert.Identical(weight, before + 4.0).Should().BeTrue("Apply restores the live weights");
    }

    [Fact]
    public void Save_and_load_round_trip()
    {
        var net = Net();
        using var ema = new ExponentialMovingAverage(net, decay: 0.5);
        using (torch.no_grad())
        {
            net.parameters().First().mul_(3.0);
        }

        ema.Update(net);
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            ema.Save(writer);
        }

        var other = Net();
        using var restored = new ExponentialMovingAverage(other, decay: 0.5);
        stream.Position = 0;
        using (var reader = new BinaryReader(stream))
        {
            restored.Load(reader);
        }

        using (ema.Apply(net))
        using (restored.Apply(other))
        {
            foreach (var (a, b) in net.parameters().Zip(other.parameters()))
            {
                TensorAssert.Identical(a, b).Should().BeTrue();
            }
        }
    }

    [Fact]
    public void A_different_module_is_rejected()
    {
        var net = Net();
        using var ema = new ExponentialMovingAverage(net, 0.9);
        var other = nn.Sequential(nn.Linear(3, 4));
        FluentActions.Invoking(() => ema.Update(other)).Should().Throw<ArgumentException>();
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void Decay_must_be_in_zero_one(double decay)
    {
        FluentActions.Invoking(() => new ExponentialMovingAverage(Net(), decay))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("decay");
    }
}
