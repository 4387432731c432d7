using GanKit.TestSupport;

namespace GanKit.Tests;

/// <summary>The core's exceptions share one base and the constructors .NET code expects of any exception.</summary>
public sealed class GanKitExceptionTests
{
    [Fact]
    public void Every_public_exception_of_the_core_derives_from_GAN_kit_exception_with_the_standard_constructors()
    {
        var types = ExceptionConventions.ExceptionsOf(typeof(GanKitException).Assembly, typeof(GanKitException));

        types.Should().Contain([typeof(GanKit.Training.TrainingDivergedException), typeof(GanKit.Runtime.TorchRuntimeUnavailableException)]);
        ExceptionConventions.Violations(types, typeof(GanKitException)).Should().BeEmpty();
    }

    [Fact]
    public void The_convention_check_reports_an_exception_outside_the_family()
    {
        ExceptionConventions.Violations([typeof(InvalidDataException)], typeof(GanKitException))
            .Should().ContainSingle().Which.Should().Contain("does not derive from GanKitException");
    }
}
