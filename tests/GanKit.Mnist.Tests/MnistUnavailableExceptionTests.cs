using GanKit.TestSupport;

namespace GanKit.Mnist.Tests;

public sealed class MnistUnavailableExceptionTests
{
    [Fact]
    public void The_packages_exceptions_derive_from_GAN_kit_exception_with_the_standard_constructors()
    {
        var types = ExceptionConventions.ExceptionsOf(typeof(MnistUnavailableException).Assembly, typeof(GanKitException));

        types.Should().Contain(typeof(MnistUnavailableException));
        ExceptionConventions.Violations(types, typeof(GanKitException)).Should().BeEmpty();
    }

    [Fact]
    public void The_full_constructor_keeps_the_folder_and_every_failure()
    {
        var error = new MnistUnavailableException("none worked", "/data/mnist", ["mirror: 404", "npm: offline"]);

        error.Directory.Should().Be("/data/mnist");
        error.Failures.Should().Equal("mirror: 404", "npm: offline");
    }
}
