using GanKit.TestSupport;

namespace GanKit.Tests;

public sealed class LogEventIdTests
{
    [Fact]
    public void The_core_logs_only_ids_from_1000_to_1999_each_once()
    {
        var ids = LogEventIds.Of(typeof(GanKitException).Assembly);

        ids.Should().NotBeEmpty();
        ids.Where(entry => entry.Id is < 1000 or > 1999).Should().BeEmpty("GanKit.Mnist has 2000-2999 and GanKit.Sweeps 7000-7999");
        ids.GroupBy(entry => entry.Id).Where(group => group.Count() > 1).Select(group => group.Key).Should().BeEmpty();
    }
}
