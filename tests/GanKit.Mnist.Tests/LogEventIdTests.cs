using GanKit.TestSupport;

namespace GanKit.Mnist.Tests;

public sealed class LogEventIdTests
{
    [Fact]
    public void The_MNIST_package_logs_only_ids_from_2000_to_2999_each_once()
    {
        var ids = LogEventIds.Of(typeof(MnistDataset).Assembly);

        ids.Should().NotBeEmpty();
        ids.Where(entry => entry.Id is < 2000 or > 2999).Should().BeEmpty("the core has 1000-1999 and GanKit.Sweeps 7000-7999");
        ids.GroupBy(entry => entry.Id).Where(group => group.Count() > 1).Select(group => group.Key).Should().BeEmpty();
    }
}
