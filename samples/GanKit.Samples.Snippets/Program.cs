using GanKit.Samples.Snippets;

// The snippets are compiled, not run: each needs MNIST or a trained network. This runs the one
// that needs neither, so the project is also a check that wrapping plain modules works.
var (generator, discriminator) = OwnModules.Wrap();
using (generator)
using (discriminator)
{
    Console.WriteLine(generator.Summary());
    Console.WriteLine(discriminator.Summary());
}
