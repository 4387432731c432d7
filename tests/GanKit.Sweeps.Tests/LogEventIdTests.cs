using GanKit.TestSupport;

namespace GanKit.Sweeps.Tests;

public sealed class LogEventIdTests
{
    [Fact]
    public void The_sweep_engine_logs_only_ids_from_7000_to_7999_each_once()
    {
        var ids = LogEventIds.Of(typeof(SweepDefinition).Assembly);

        ids.Should().NotBeEmpty();
        ids.Where(entry => entry.Id is < 7000 or > 7999).Should().BeEmpty("the core has 1000-1999 and GanKit.Mnist 2000-2999");
        ids.GroupBy(entry => entry.Id).Where(group => group.Count() > 1).Select(group => group.Key).Should().BeEmpty();
    }
}
