using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GanKit.Internal;
using GanKit.Layers;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Networks.Saving;

/// <summary>
/// The single-file format of <see cref="LayerStackNetwork.Save"/>: a magic string, the format
/// version, a JSON header (network type, shapes, one entry per layer), every parameter and buffer
/// as raw bytes with its name, type and shape, and the SHA-256 of all that. It needs no .NET type of
/// the code that built the network: the header names registered layer kinds only.
/// </summary>
internal static class NetworkFile
{
    /// <summary>The layout this release writes and reads.</summary>
    public const int FormatVersion = 1;

    /// <summary>The kind under which a wrapped module is described; its weights are saved, not its code.</summary>
    public const string WrappedModuleKind = "Module";

    private static readonly byte[] Magic = "GANKITNW"u8.ToArray();
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = false };

    public static void Write(LayerStackNetwork network, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var header = new NetworkFileHeader(FormatVersion, network.GetType().Name, network.InputShapeOf(), network.OutputShapeOf(), Describe(network));
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            byte[] json = JsonSerializer.SerializeToUtf8Bytes(header, Json);
            writer.Write(json.Length);
            writer.Write(json);
            var state = network.state_dict();
            writer.Write(state.Count);
            foreach (var (name, tensor) in state)
            {
                using var cpu = tensor.detach().cpu().contiguous();
                writer.Write(name);
                writer.Write(cpu.dtype.ToString());
                writer.Write(cpu.shape.Length);
                foreach (long d in cpu.shape)
                {
                    writer.Write(d);
                }

                byte[] bytes = cpu.bytes.ToArray();
                writer.Write((long)bytes.Length);
                writer.Write(bytes);
            }
        }

        byte[] hash = SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        buffer.Write(hash);

        // Written beside the target and renamed into place, so a crash never leaves half a file under the real name.
        AtomicFile.Write(Path.GetFullPath(path), file =>
        {
            buffer.Position = 0;
            buffer.CopyTo(file);
            if (file is FileStream onDisk)
            {
                onDisk.Flush(flushToDisk: true);
            }
        });
    }

    public static (NetworkFileHeader Header, NetworkFileTensor[] Tensors) Read(string path, string expectedNetwork)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] all = File.ReadAllBytes(path);
        if (all.Length < Magic.Length + 4 + 32 || !all.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw new InvalidDataException($"'{path}' is not a saved GanKit network: it does not start with '{Encoding.ASCII.GetString(Magic)}'.");
        }

        int version = BitConverter.ToInt32(all, Magic.Length);
        if (version != FormatVersion)
        {
            throw new InvalidDataException($"'{path}' has format version {version}; this release reads version {FormatVersion}.");
        }

        var body = all.AsSpan(0, all.Length - 32);
        var stored = all.AsSpan(all.Length - 32);
        var actual = SHA256.HashData(body);
        if (!actual.AsSpan().SequenceEqual(stored))
        {
            throw new InvalidDataException($"'{path}' is damaged: its contents have SHA-256 {Convert.ToHexStringLower(actual)}, the file records {Convert.ToHexStringLower(stored)}.");
        }

        try
        {
            using var reader = new BinaryReader(new MemoryStream(all, 0, body.Length), Encoding.UTF8);
            reader.ReadBytes(Magic.Length + 4);
            int headerLength = reader.ReadInt32();
            var header = JsonSerializer.Deserialize<NetworkFileHeader>(reader.ReadBytes(headerLength), Json)
                ?? throw new InvalidDataException($"'{path}' has an empty header.");
            if (header.Network != expectedNetwork)
            {
                throw new InvalidDataException($"'{path}' holds a {header.Network}, not a {expectedNetwork}.");
            }

            int count = reader.ReadInt32();
            var tensors = new NetworkFileTensor[count];
            for (int i = 0; i < count; i++)
            {
                string name = reader.ReadString();
                string dtype = reader.ReadString();
                var shape = new long[reader.ReadInt32()];
                for (int d = 0; d < shape.Length; d++)
                {
                    shape[d] = reader.ReadInt64();
                }

                tensors[i] = new NetworkFileTensor(name, dtype, shape, reader.ReadBytes(checked((int)reader.ReadInt64())));
            }

            return (header, tensors);
        }
        catch (Exception e) when (e is EndOfStreamException or JsonException or OverflowException or ArgumentException)
        {
            throw new InvalidDataException($"'{path}' does not parse as a saved GanKit network: {e.Message}", e);
        }
    }

    /// <summary>Rebuilds the layer stack the header describes; a wrapped module comes from <paramref name="module"/>.</summary>
    public static List<(ILayer Layer, long[] Input, long[] Output)> Rebuild(NetworkFileHeader header, string path, nn.Module<Tensor, Tensor>? module)
    {
        var stack = new List<(ILayer Layer, long[] Input, long[] Output)>();
        long[] shape = header.InputShape;
        for (int i = 0; i < header.Layers.Length; i++)
        {
            var entry = header.Layers[i];
            ILayer layer;
            if (entry.Kind == WrappedModuleKind)
            {
                if (module is null)
                {
                    entry.Properties.TryGetValue("type", out string? type);
                    throw new InvalidDataException($"'{path}' holds the weights of a wrapped module ({type}), not its code; load it with Load(path, module), passing a new module of the same architecture.");
                }

                try
                {
                    ModuleShapeProbe.Check(module, shape, header.OutputShape, header.Network == nameof(GeneratorNetwork) ? "generator" : "discriminator", nameof(module), module is ConditionalModule conditionalModule ? WrappedConditionalModuleLayer.ProbeWithClassZero(conditionalModule) : null);
                }
                catch (ArgumentException e)
                {
                    throw new InvalidDataException($"'{path}' holds another architecture than the module given: {e.Message}", e);
                }

                layer = entry.Properties.TryGetValue("classes", out string? classes)
                    ? new WrappedConditionalModuleLayer(
                        module as ConditionalModule ?? throw new InvalidDataException($"'{path}' holds a conditional module's weights ({classes} classes); the module given, {module.GetType().Name}, does not derive from ConditionalModule."),
                        int.Parse(classes, System.Globalization.CultureInfo.InvariantCulture),
                        shape,
                        header.OutputShape)
                    : new WrappedModuleLayer(module, shape, header.OutputShape);
            }
            else
            {
                try
                {
                    if (!LayerDescriptions.TryCreate(entry.Kind, entry.Properties, out var created))
                    {
                        throw new InvalidDataException($"'{path}': layer {i} is of kind '{entry.Kind}', which is not registered; register it with {nameof(LayerDescriptions)}.{nameof(LayerDescriptions.Register)} before loading.");
                    }

                    layer = created!;
                }
                catch (Exception e) when (e is FormatException or ArgumentException)
                {
                    throw new InvalidDataException($"'{path}': layer {i} ({entry.Kind}) cannot be rebuilt: {e.Message}", e);
                }
            }

            long[] output;
            try
            {
                output = layer.InferOutputShape((long[])shape.Clone());
            }
            catch (ArgumentException e)
            {
                throw new InvalidDataException($"'{path}': layer {i} ({entry.Kind}) cannot take shape {Shapes.Format(shape)}: {e.Message}", e);
            }

            stack.Add((layer, (long[])shape.Clone(), output));
            shape = output;
        }

        if (!shape.SequenceEqual(header.OutputShape))
        {
            throw new InvalidDataException($"'{path}': its layers produce {Shapes.Format(shape)}, its header says {Shapes.Format(header.OutputShape)}.");
        }

        return stack;
    }

    /// <summary>
    /// Reads a saved network of kind <paramref name="expectedNetwork"/>, builds it with
    /// <paramref name="create"/> and copies the stored tensors in; the network comes back in
    /// evaluation mode, or is disposed when anything does not fit.
    /// </summary>
    public static TNetwork Load<TNetwork>(string path, string expectedNetwork, nn.Module<Tensor, Tensor>? module, Func<List<(ILayer Layer, long[] Input, long[] Output)>, torch.Generator, TNetwork> create)
        where TNetwork : LayerStackNetwork
    {
        var (header, tensors) = Read(path, expectedNetwork);
        var stack = Rebuild(header, path, module);

        // Initial values are overwritten at once: drawing them from a private generator keeps
        // loading from touching torch's global stream.
        using var scratch = new torch.Generator(0);
        var network = create(stack, scratch);
        try
        {
            CopyInto(network, tensors, path);
            network.eval();
            return network;
        }
        catch
        {
            network.Dispose();
            throw;
        }
    }

    /// <summary>Copies the file's tensors into <paramref name="network"/>, first checking names, types and shapes in order.</summary>
    public static void CopyInto(LayerStackNetwork network, NetworkFileTensor[] tensors, string path)
    {
        var state = network.state_dict().ToList();
        for (int i = 0; i < Math.Max(state.Count, tensors.Length); i++)
        {
            if (i >= tensors.Length)
            {
                throw new InvalidDataException($"'{path}' has no tensor '{state[i].Key}' ({Shapes.Format(state[i].Value.shape)}), which the network has; the file holds another architecture.");
            }

            var file = tensors[i];
            if (i >= state.Count)
            {
                throw new InvalidDataException($"'{path}' has a tensor '{file.Name}' ({Shapes.Format(file.Shape)}) the network does not have; the file holds another architecture.");
            }

            var (name, target) = state[i];
            if (file.Name != name || file.DType != target.dtype.ToString() || !file.Shape.SequenceEqual(target.shape))
            {
                throw new InvalidDataException($"'{path}' holds another architecture: tensor {i} is '{file.Name}' {file.DType} {Shapes.Format(file.Shape)} in the file and '{name}' {target.dtype} {Shapes.Format(target.shape)} in the network.");
            }
        }

        using var noGrad = torch.no_grad();
        for (int i = 0; i < state.Count; i++)
        {
            var target = state[i].Value;
            if (target.device_type == DeviceType.CPU && target.is_contiguous())
            {
                target.bytes = tensors[i].Bytes;
            }
            else
            {
                using var cpu = torch.empty(target.shape, dtype: target.dtype);
                cpu.bytes = tensors[i].Bytes;
                target.copy_(cpu);
            }
        }
    }

    /// <summary>Whether every layer of <paramref name="network"/> has a saved form.</summary>
    public static bool CanDescribe(LayerStackNetwork network) =>
        network.Definitions.All(layer => layer is WrappedModuleLayer || LayerDescriptions.IsRegistered(layer.GetType()));

    private static NetworkFileLayer[] Describe(LayerStackNetwork network) => network.Definitions.Select((layer, i) =>
    {
        if (layer is WrappedModuleLayer wrapped)
        {
            var wrappedProperties = new Dictionary<string, string>(StringComparer.Ordinal) { ["type"] = wrapped.ModuleType };
            if (wrapped is WrappedConditionalModuleLayer conditional)
            {
                wrappedProperties["classes"] = conditional.ClassCount.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return new NetworkFileLayer(WrappedModuleKind, wrappedProperties);
        }

        if (!LayerDescriptions.TryDescribe(layer, out string kind, out var properties))
        {
            throw new InvalidOperationException($"Layer {i} ({layer.Kind}, type {layer.GetType().FullName}) has no saved form; register one with {nameof(LayerDescriptions)}.{nameof(LayerDescriptions.Register)} before saving.");
        }

        return new NetworkFileLayer(kind, new Dictionary<string, string>(properties, StringComparer.Ordinal));
    }).ToArray();
}
