using System.Globalization;
using System.Text;
using GanKit.Internal;
using GanKit.Layers;
using GanKit.Layers.Modules;
using GanKit.Regularization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanKit.Networks;

/// <summary>
/// A network built by <see cref="GeneratorBuilder"/> or <see cref="DiscriminatorBuilder"/>: a stack
/// of layer modules applied in order, with a summary and the regularization term of its layers.
/// </summary>
/// <remarks>
/// The layer modules are registered as <c>layers</c>, so parameter and state-dict names read
/// <c>layers.{index}.{name}</c> (<c>layers.0.weight</c>, <c>layers.1.running_mean</c>). Indices count
/// every layer, weightless ones included, so the names only change when the description does.
/// </remarks>
public abstract class LayerStackNetwork : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<nn.Module<Tensor, Tensor>> layers;
    private readonly ILayer[] definitions;
    private readonly long[][] inputShapes;
    private readonly long[][] outputShapes;

    // Both are fixed once the constructor has registered the layers. They hold modules and names,
    // never tensors: moving the network replaces its parameters, so a cached tensor would go stale.
    private readonly IRegularizedModule[] regularizedModules;
    private readonly DeviceProbe? deviceProbe;

    private protected LayerStackNetwork(string name, IReadOnlyList<(ILayer Layer, long[] Input, long[] Output)> stack, Generator? random) : base(name)
    {
        definitions = stack.Select(s => s.Layer).ToArray();
        inputShapes = stack.Select(s => s.Input).ToArray();
        outputShapes = stack.Select(s => s.Output).ToArray();
        // A seeded build hands every layer the same generator, in order, so the weights depend on
        // the seed and the description alone; unseeded, layers draw from torch's global stream.
        layers = nn.ModuleList(stack.Select(s => random is null
            ? s.Layer.CreateModule((long[])s.Input.Clone())
            : s.Layer.CreateModule((long[])s.Input.Clone(), random)).ToArray());
        register_module("layers", layers);
        ClassCount = ConditionalClassCount(definitions, layers);

        // Chains of convolutions with Keras' asymmetric 'same' padding compute mirrored, reversing
        // the activations once at each end of the chain rather than in every layer.
        Mirroring.Plan(layers.ToArray());

        // Same order as a walk of modules(), so the terms are summed exactly as before.
        regularizedModules = modules().OfType<IRegularizedModule>().ToArray();
        deviceProbe = DeviceProbe.Find(this);
    }

    /// <summary>Gets one row per layer: kind, output shape, parameters and multiply-accumulates per sample.</summary>
    public IReadOnlyList<LayerSummary> Layers => Enumerable.Range(0, definitions.Length).Select(Row).ToArray();

    /// <summary>Gets the number of elements of all parameters that require gradient.</summary>
    public long TrainableParameterCount => parameters().Where(p => p.requires_grad).Sum(p => p.numel());

    /// <summary>
    /// Gets the number of elements of frozen parameters and floating-point buffers (BatchNorm running
    /// statistics, spectral-norm vectors); Keras calls these non-trainable parameters. Integer
    /// counters such as <c>num_batches_tracked</c> are not counted, as Keras has none.
    /// </summary>
    public long NonTrainableParameterCount => CountNonTrainable(this);

    /// <summary>Gets the multiply-accumulates one sample costs in a forward pass (weight layers only).</summary>
    public long MultiplyAccumulatesPerSample => Enumerable.Range(0, definitions.Length).Sum(i => definitions[i].MultiplyAccumulates((long[])inputShapes[i].Clone()));

    /// <summary>
    /// Gets the number of classes the network is conditioned on: set when one or more of its layers
    /// reads labels (<see cref="IConditionalLayer"/>), and then the network takes
    /// <see cref="forward(Tensor, Tensor)"/>; null for an unconditional network.
    /// </summary>
    public int? ClassCount { get; }

    /// <summary>Gets the layer descriptions the network was built from, in order.</summary>
    public IReadOnlyList<ILayer> Definitions => definitions;

    /// <summary>Gets the device of the network's first parameter or buffer (CPU when it has none).</summary>
    /// <remarks>Reads one tensor that the constructor located, rather than walking every parameter.</remarks>
    public Device Device => deviceProbe?.Read() ?? FirstDevice(this);

    /// <summary>Runs an unconditional network on <paramref name="input"/> <c>[N, ..InputShape]</c>.</summary>
    /// <param name="input">The batch, on the network's device.</param>
    /// <returns>The output batch.</returns>
    /// <exception cref="ArgumentException"><paramref name="input"/> has the wrong shape.</exception>
    /// <exception cref="InvalidOperationException">The network is conditional (<see cref="ClassCount"/> is set); call <see cref="forward(Tensor, Tensor)"/>.</exception>
    public override Tensor forward(Tensor input)
    {
        Check(input, null);
        return Forward(input, null);
    }

    /// <summary>
    /// Runs a conditional network on <paramref name="input"/> <c>[N, ..InputShape]</c> with one class
    /// label per sample; the label-reading layers see <paramref name="labels"/>, the others the
    /// running activations only.
    /// </summary>
    /// <param name="input">The batch, on the network's device.</param>
    /// <param name="labels">int64 labels <c>[N]</c> in <c>[0, ClassCount)</c>, on the same device. Their range is not checked here, as that would wait on the device every step; <c>Generate</c> checks it.</param>
    /// <returns>The output batch.</returns>
    /// <exception cref="ArgumentException"><paramref name="input"/> or <paramref name="labels"/> has the wrong shape or type.</exception>
    /// <exception cref="InvalidOperationException">The network is unconditional; call <see cref="forward(Tensor)"/>.</exception>
    public Tensor forward(Tensor input, Tensor labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        Check(input, labels);
        return Forward(input, labels);
    }

    /// <summary>Runs the stack; a subclass may reshape what comes out (the discriminator drops its class logits).</summary>
    private protected virtual Tensor Forward(Tensor input, Tensor? labels) => RunStack(input, labels);

    /// <summary>Checks the arguments as <c>forward</c> does, then runs the whole stack.</summary>
    private protected Tensor RunChecked(Tensor input, Tensor? labels)
    {
        Check(input, labels);
        return RunStack(input, labels);
    }

    /// <summary>Runs every layer in order, handing the labels to the layers that read them.</summary>
    private protected Tensor RunStack(Tensor input, Tensor? labels)
    {
        var x = input;
        using var scope = NewDisposeScope();
        foreach (var layer in layers)
        {
            x = layer is ConditionalModule conditional ? conditional.forward(x, labels!) : layer.call(x);
        }

        return ReferenceEquals(x, input) ? x : x.MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Sums the penalties of every <see cref="IRegularizedModule"/> in the network (for example
    /// kernel L2 terms), to add to the training loss.
    /// </summary>
    /// <returns>A 0-dim float32 tensor on the network's device; zero, without gradient, when no layer is regularized.</returns>
    public Tensor RegularizationLoss()
    {
        Tensor? total = null;
        foreach (var regularized in regularizedModules)
        {
            if (regularized.RegularizationLoss() is { } term)
            {
                total = total is null ? term : total.add(term);
            }
        }

        return total ?? zeros([], dtype: ScalarType.Float32, device: Device);
    }

    /// <summary>
    /// Formats the summary as a Keras-style table, one row per layer (output shape, trainable and
    /// non-trainable parameters, parameter memory, multiply-accumulates), then the totals; see
    /// <see cref="SummaryTable"/>.
    /// </summary>
    /// <returns>The table, lines separated by <see cref="Environment.NewLine"/>.</returns>
    public string Summary()
    {
        string table = SummaryTable.Format(GetType().Name, InputShapeOf(), Layers);
        var notes = SummaryNotes().ToArray();
        return notes.Length == 0 ? table : table + Environment.NewLine + string.Join(Environment.NewLine, notes);
    }

    /// <summary>Lines after the summary's totals: where labels enter the network.</summary>
    private protected virtual IEnumerable<string> SummaryNotes()
    {
        if (ClassCount is { } classes)
        {
            var readers = definitions.Select((d, i) => (d, i)).Where(x => x.d is IConditionalLayer).Select(x => $"layers.{x.i.ToString(CultureInfo.InvariantCulture)} ({x.d.Kind})");
            yield return $"Label path: {classes.ToString(CultureInfo.InvariantCulture)} classes, read by {string.Join(", ", readers)}";
        }
    }

    /// <summary>
    /// Writes the network to one self-describing file: format version, the description of every
    /// layer, every parameter and buffer, and a SHA-256 of the whole. <c>GeneratorNetwork.Load</c>
    /// (or <c>DiscriminatorNetwork.Load</c>) rebuilds it in any process from the file alone; a
    /// network made by <c>FromModule</c> saves its weights and needs its module again to load.
    /// </summary>
    /// <param name="path">The file; its folder is created if missing, and an existing file is replaced only once the new one is complete.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="InvalidOperationException">A layer of your own has no registered description (<see cref="Saving.LayerDescriptions.Register"/>).</exception>
    /// <exception cref="NotSupportedException">A layer uses a regularizer other than L2.</exception>
    /// <exception cref="IOException">The file could not be written.</exception>
    public void Save(string path) => Saving.NetworkFile.Write(this, path);

    /// <summary>Gets the per-sample shape the network takes.</summary>
    internal long[] InputShapeOf() => (long[])inputShapes[0].Clone();

    /// <summary>Gets the per-sample shape the network produces.</summary>
    internal long[] OutputShapeOf() => (long[])outputShapes[^1].Clone();

    private void CheckInput(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var expected = inputShapes[0];
        if (input.dim() != expected.Length + 1 || !input.shape.AsSpan(1).SequenceEqual(expected))
        {
            throw new ArgumentException($"{GetType().Name} takes [N, {string.Join(", ", expected)}]; got {Shapes.Format(input.shape)}.", nameof(input));
        }
    }

    private void Check(Tensor input, Tensor? labels)
    {
        CheckInput(input);
        if (labels is null && ClassCount is { } classes)
        {
            throw new InvalidOperationException($"{GetType().Name} is conditioned on {classes} classes; call forward(input, labels) with one label per sample.");
        }

        if (labels is not null)
        {
            if (ClassCount is null)
            {
                throw new InvalidOperationException($"{GetType().Name} is unconditional and takes no labels; call forward(input).");
            }

            CheckLabels(labels, input.shape[0]);
        }
    }

    private static void CheckLabels(Tensor labels, long batch)
    {
        if (labels.dtype != ScalarType.Int64 || labels.dim() != 1 || labels.shape[0] != batch)
        {
            throw new ArgumentException($"Labels must be int64 [N] with N = {batch}, one per sample; got {labels.dtype} {Shapes.Format(labels.shape)}.", nameof(labels));
        }
    }

    private static int? ConditionalClassCount(ILayer[] definitions, ModuleList<nn.Module<Tensor, Tensor>> modules)
    {
        int? classes = null;
        for (int i = 0; i < definitions.Length; i++)
        {
            if (definitions[i] is not IConditionalLayer conditional)
            {
                continue;
            }

            if (modules[i] is not ConditionalModule)
            {
                throw new InvalidOperationException($"Layer {i} ({definitions[i].Kind}) is an IConditionalLayer, but its module {modules[i].GetType().Name} does not derive from ConditionalModule, so it cannot be given labels.");
            }

            if (classes is { } expected && expected != conditional.ClassCount)
            {
                throw new ArgumentException($"Layer {i} ({definitions[i].Kind}) reads {conditional.ClassCount} classes, but an earlier layer reads {expected}; every label-reading layer of a network must agree.");
            }

            classes = conditional.ClassCount;
        }

        return classes;
    }

    private LayerSummary Row(int i)
    {
        var module = layers[i];
        return new LayerSummary(
            i,
            "layers." + i.ToString(CultureInfo.InvariantCulture),
            definitions[i].Kind,
            (long[])inputShapes[i].Clone(),
            (long[])outputShapes[i].Clone(),
            module.parameters().Where(p => p.requires_grad).Sum(p => p.numel()),
            CountNonTrainable(module),
            definitions[i].MultiplyAccumulates((long[])inputShapes[i].Clone()),
            module.parameters().Sum(p => p.numel() * p.element_size()) + module.buffers().Sum(b => b.numel() * b.element_size()));
    }

    private static Device FirstDevice(nn.Module module) =>
        module.parameters().Select(p => p.device).Concat(module.buffers().Select(b => b.device)).FirstOrDefault() ?? CPU;

    private static long CountNonTrainable(nn.Module module) =>
        module.parameters().Where(p => !p.requires_grad).Sum(p => p.numel())
        + module.buffers().Where(b => b.is_floating_point()).Sum(b => b.numel());

    /// <summary>
    /// Where the network's first parameter (or, without parameters, its first buffer) lives: the
    /// module that owns it and its local name, so reading its device is one dictionary look-up.
    /// </summary>
    private sealed class DeviceProbe(nn.Module owner, string name, bool isParameter)
    {
        public static DeviceProbe? Find(LayerStackNetwork network)
        {
            var owners = new Dictionary<string, nn.Module>(StringComparer.Ordinal) { [string.Empty] = network };
            foreach (var (path, module) in network.named_modules())
            {
                owners.TryAdd(path, module);
            }

            string? first = network.named_parameters().Select(p => p.name).FirstOrDefault();
            bool isParameter = first is not null;
            first ??= network.named_buffers().Select(b => b.name).FirstOrDefault();
            if (first is null)
            {
                return null;
            }

            int dot = first.LastIndexOf('.');
            string prefix = dot < 0 ? string.Empty : first[..dot];
            return owners.TryGetValue(prefix, out var owner) ? new DeviceProbe(owner, first[(dot + 1)..], isParameter) : null;
        }

        /// <summary>The tensor's current device, or null when the owner no longer holds it under that name.</summary>
        public Device? Read() => (isParameter ? owner.get_parameter(name) : owner.get_buffer(name))?.device;
    }
}
