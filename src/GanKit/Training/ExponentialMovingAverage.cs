using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Training;

/// <summary>
/// An exponential moving average of a module's weights: <c>shadow = decay * shadow + (1 - decay) * weight</c>
/// after every optimiser step. Samples drawn with averaged generator weights are usually sharper
/// and steadier than those of the raw weights.
/// </summary>
/// <remarks>
/// Buffers (for example batch-norm running statistics) are copied, not averaged. The shadow lives on
/// the module's device. Use <see cref="Apply"/> to evaluate the module with the averaged weights;
/// the live weights come back when the returned handle is disposed.
/// </remarks>
public sealed class ExponentialMovingAverage : IDisposable
{
    private readonly List<(string Name, Tensor Shadow)> _parameters = new();
    private readonly List<(string Name, Tensor Shadow)> _buffers = new();
    private bool _disposed;

    /// <summary>Starts an average at the module's current weights.</summary>
    /// <param name="module">The module whose weights are averaged.</param>
    /// <param name="decay">Weight of the old average, in [0, 1).</param>
    /// <exception cref="ArgumentNullException"><paramref name="module"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="decay"/> is outside [0, 1).</exception>
    public ExponentialMovingAverage(nn.Module module, double decay)
    {
        ArgumentNullException.ThrowIfNull(module);
        if (!(decay >= 0 && decay < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(decay), decay, $"The moving average's decay must be in [0, 1); got {decay}.");
        }

        Decay = decay;
        using (torch.no_grad())
        {
            foreach (var (name, parameter) in module.named_parameters())
            {
                _parameters.Add((name, parameter.detach().clone().DetachFromDisposeScope()));
            }

            foreach (var (name, buffer) in module.named_buffers())
            {
                _buffers.Add((name, buffer.detach().clone().DetachFromDisposeScope()));
            }
        }
    }

    /// <summary>Gets the weight of the old average in each update.</summary>
    public double Decay { get; }

    /// <summary>Gets the names of the averaged parameters and copied buffers, in module order.</summary>
    public IReadOnlyList<string> Names => _parameters.Select(p => p.Name).Concat(_buffers.Select(b => b.Name)).ToList();

    /// <summary>Folds the module's current weights into the average.</summary>
    /// <param name="module">The module the average was created from.</param>
    /// <exception cref="ArgumentNullException"><paramref name="module"/> is null.</exception>
    /// <exception cref="ArgumentException">The module's parameters or buffers differ from those the average was created with.</exception>
    /// <exception cref="ObjectDisposedException">The average was disposed.</exception>
    public void Update(nn.Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        ObjectDisposedException.ThrowIf(_disposed, this);
        using (torch.no_grad())
        {
            var parameters = Match(_parameters, module.named_parameters().Select(p => (p.name, (Tensor)p.parameter)), "parameters");
            for (int i = 0; i < parameters.Count; i++)
            {
                // lerp_(w, 1 - decay) is decay * shadow + (1 - decay) * w in one kernel.
                parameters[i].Shadow.lerp_(parameters[i].Live, 1.0 - Decay);
            }

            foreach (var (shadow, live) in Match(_buffers, module.named_buffers(), "buffers"))
            {
                shadow.copy_(live);
            }
        }
    }

    /// <summary>Restarts the average at the module's current weights.</summary>
    /// <param name="module">The module the average was created from.</param>
    /// <exception cref="ArgumentNullException"><paramref name="module"/> is null.</exception>
    /// <exception cref="ArgumentException">The module's parameters or buffers differ from those the average was created with.</exception>
    /// <exception cref="ObjectDisposedException">The average was disposed.</exception>
    public void Reset(nn.Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        ObjectDisposedException.ThrowIf(_disposed, this);
        using (torch.no_grad())
        {
            var pairs = Match(_parameters, module.named_parameters().Select(p => (p.name, (Tensor)p.parameter)), "parameters")
                .Concat(Match(_buffers, module.named_buffers(), "buffers"));
            foreach (var (shadow, live) in pairs)
            {
                shadow.copy_(live);
            }
        }
    }

    /// <summary>
    /// Loads the averaged weights into <paramref name="module"/> until the returned handle is disposed,
    /// then restores the live ones.
    /// </summary>
    /// <param name="module">The module the average was created from.</param>
    /// <returns>A handle whose disposal restores the module's own weights.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="module"/> is null.</exception>
    /// <exception cref="ArgumentException">The module's parameters or buffers differ from those the average was created with.</exception>
    /// <exception cref="ObjectDisposedException">The average was disposed.</exception>
    public IDisposable Apply(nn.Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var pairs = Match(_parameters, module.named_parameters().Select(p => (p.name, (Tensor)p.parameter)), "parameters")
            .Concat(Match(_buffers, module.named_buffers(), "buffers"))
            .ToList();
        var saved = new List<Tensor>(pairs.Count);
        using (torch.no_grad())
        {
            foreach (var (shadow, live) in pairs)
            {
                saved.Add(live.detach().clone().DetachFromDisposeScope());
                live.copy_(shadow);
            }
        }

        return new Restore(pairs.Select(p => p.Live).ToList(), saved);
    }

    /// <summary>Writes the average (names, then tensors) to <paramref name="writer"/>.</summary>
    /// <param name="writer">The destination.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The average was disposed.</exception>
    public void Save(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ObjectDisposedException.ThrowIf(_disposed, this);
        writer.Write(Decay);
        writer.Write(_parameters.Count + _buffers.Count);
        foreach (var (name, shadow) in _parameters.Concat(_buffers))
        {
            writer.Write(name);
            using var cpu = shadow.cpu();
            cpu.Save(writer);
        }
    }

    /// <summary>Replaces the average with one written by <see cref="Save"/>.</summary>
    /// <param name="reader">The source.</param>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is null.</exception>
    /// <exception cref="InvalidDataException">The stored names or shapes do not match this average.</exception>
    /// <exception cref="ObjectDisposedException">The average was disposed.</exception>
    public void Load(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ObjectDisposedException.ThrowIf(_disposed, this);
        double decay = reader.ReadDouble();
        int count = reader.ReadInt32();
        var all = _parameters.Concat(_buffers).ToList();
        if (count != all.Count)
        {
            throw new InvalidDataException($"The stored moving average holds {count} tensors; this module has {all.Count}.");
        }

        using (torch.no_grad())
        {
            foreach (var (name, shadow) in all)
            {
                string storedName = reader.ReadString();
                using var stored = TensorExtensionMethods.Load(reader);
                if (storedName != name || !stored.shape.SequenceEqual(shadow.shape))
                {
                    throw new InvalidDataException($"The stored moving average has '{storedName}' [{string.Join(", ", stored.shape)}] where '{name}' [{string.Join(", ", shadow.shape)}] was expected.");
                }

                shadow.copy_(stored);
            }
        }

        if (decay != Decay)
        {
            throw new InvalidDataException($"The stored moving average used decay {decay}; this one uses {Decay}.");
        }
    }

    /// <summary>Releases the shadow tensors.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (var (_, shadow) in _parameters.Concat(_buffers))
        {
            shadow.Dispose();
        }
    }

    private static List<(Tensor Shadow, Tensor Live)> Match(List<(string Name, Tensor Shadow)> shadows, IEnumerable<(string Name, Tensor Value)> live, string kind)
    {
        var liveList = live.ToList();
        if (liveList.Count != shadows.Count)
        {
            throw new ArgumentException($"The module has {liveList.Count} {kind}; the moving average was created with {shadows.Count}.", "module");
        }

        var pairs = new List<(Tensor, Tensor)>(shadows.Count);
        for (int i = 0; i < shadows.Count; i++)
        {
            if (liveList[i].Name != shadows[i].Name || !liveList[i].Value.shape.SequenceEqual(shadows[i].Shadow.shape))
            {
                throw new ArgumentException($"The module's {kind} '{liveList[i].Name}' does not match the averaged '{shadows[i].Name}'.", "module");
            }

            pairs.Add((shadows[i].Shadow, liveList[i].Value));
        }

        return pairs;
    }

    private sealed class Restore : IDisposable
    {
        private readonly List<Tensor> _live;
        private readonly List<Tensor> _saved;
        private bool _done;

        public Restore(List<Tensor> live, List<Tensor> saved)
        {
            _live = live;
            _saved = saved;
        }

        public void Dispose()
        {
            if (_done)
            {
                return;
            }

            _done = true;
            using (torch.no_grad())
            {
                for (int i = 0; i < _live.Count; i++)
                {
                    _live[i].copy_(_saved[i]);
                    _saved[i].Dispose();
                }
            }
        }
    }
}
