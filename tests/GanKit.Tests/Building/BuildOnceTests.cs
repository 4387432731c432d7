namespace GanKit.Tests.Building;

public class BuildOnceTests
{
    [Fact]
    public void Generator_Build_twice_throws()
    {
        var builder = new GeneratorBuilder(4).Dense(2);
        builder.Build().Should().NotBeNull();
        FluentActions.Invoking(() => builder.Build())
            .Should().Throw<InvalidOperationException>().WithMessage("This GeneratorBuilder has already built its network*");
    }

    [Fact]
    public void Discriminator_Build_twice_throws()
    {
        var builder = new DiscriminatorBuilder(3).Dense(1);
        builder.Build().Should().NotBeNull();
        FluentActions.Invoking(() => builder.Build())
            .Should().Throw<InvalidOperationException>().WithMessage("This DiscriminatorBuilder has already built its network*");
    }

    [Fact]
    public void Adding_after_Build_throws()
    {
        var builder = new GeneratorBuilder(4).Dense(2);
        builder.Build();
        FluentActions.Invoking(() => builder.Tanh()).Should().Throw<InvalidOperationException>();
    }
}
