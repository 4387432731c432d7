using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Internal;

/// <summary>
/// Checks a user's module by one forward pass of two zero samples, in evaluation mode and without
/// gradient, so nothing it keeps (BatchNorm running statistics) changes.
/// </summary>
internal static class ModuleShapeProbe
{
    public const int ProbeBatch = 2;

    public static void Check(nn.Module<Tensor, Tensor> module, long[] inputShape, long[] expectedOutput, string role, string parameterName, Func<Tensor, Tensor>? run = null)
    {
        var device = module.parameters().Select(p => p.device).Concat(module.buffers().Select(b => b.device)).FirstOrDefault() ?? CPU;
        var dtype = module.parameters().Select(p => (ScalarType?)p.dtype).FirstOrDefault(t => t is not null && torch.is_floating_point(t.Value)) ?? ScalarType.Float32;
        long[] input = [ProbeBatch, .. inputShape];
        long[] expected = [ProbeBatch, .. expectedOutput];
        bool wasTraining = module.training;
        module.eval();
        try
        {
            using var noGrad = torch.no_grad();
            using var scope = torch.NewDisposeScope();
            Tensor output;
            try
            {
                var probe = torch.zeros(input, dtype: dtype, device: device);
                output = run is null ? module.call(probe) : run(probe);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                throw new ArgumentException($"The {role} module {module.GetType().Name} failed on an input of shape {Shapes.Format(input)}: {e.Message}", parameterName, e);
            }

            if (!output.shape.SequenceEqual(expected))
            {
                throw new ArgumentException($"The {role} module {module.GetType().Name} maps input {Shapes.Format(input)} to {Shapes.Format(output.shape)}; expected {Shapes.Format(expected)}.", parameterName);
            }
        }
        finally
        {
            module.train(wasTraining);
        }
    }
}
