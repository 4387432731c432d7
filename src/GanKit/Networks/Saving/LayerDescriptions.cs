using System.Collections.Concurrent;
using GanKit.Layers;

namespace GanKit.Networks.Saving;

/// <summary>
/// How each kind of layer is written into a saved network and rebuilt from it. The built-in layers
/// are known; a layer of your own takes part once you register it, before saving or loading.
/// </summary>
/// <example>
/// <code>
/// LayerDescriptions.Register&lt;MinibatchStdDevLayer&gt;(
///     "MinibatchStdDev",
///     layer => new Dictionary&lt;string, string&gt;(),
///     properties => new MinibatchStdDevLayer());
/// </code>
/// </example>
public static class LayerDescriptions
{
    private static readonly ConcurrentDictionary<string, Entry> ByKind = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<Type, Entry> ByType = new();

    static LayerDescriptions() => BuiltInLayerDescriptions.RegisterAll();

    /// <summary>
    /// Registers how layers of type <typeparamref name="TLayer"/> are described and rebuilt. Registering
    /// the same kind again replaces the earlier registration.
    /// </summary>
    /// <typeparam name="TLayer">The layer's type; saving looks layers up by their exact type.</typeparam>
    /// <param name="kind">The name written into the file; unique among registered layers.</param>
    /// <param name="describe">Returns the layer's settings as text, enough for <paramref name="create"/> to rebuild an equal layer.</param>
    /// <param name="create">Rebuilds the layer from those settings; throws <see cref="FormatException"/> or <see cref="ArgumentException"/> for settings it cannot take.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is empty.</exception>
    public static void Register<TLayer>(string kind, Func<TLayer, IReadOnlyDictionary<string, string>> describe, Func<IReadOnlyDictionary<string, string>, TLayer> create)
        where TLayer : ILayer
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentNullException.ThrowIfNull(describe);
        ArgumentNullException.ThrowIfNull(create);
        var entry = new Entry(kind, layer => describe((TLayer)layer), properties => create(properties));
        ByKind[kind] = entry;
        ByType[typeof(TLayer)] = entry;
    }

    /// <summary>Whether layers of <paramref name="layerType"/> can be saved.</summary>
    /// <param name="layerType">The layer's exact type.</param>
    /// <returns>True when a description is registered for it.</returns>
    public static bool IsRegistered(Type layerType) => ByType.ContainsKey(layerType ?? throw new ArgumentNullException(nameof(layerType)));

    internal static bool TryDescribe(ILayer layer, out string kind, out IReadOnlyDictionary<string, string> properties)
    {
        if (ByType.TryGetValue(layer.GetType(), out var entry))
        {
            kind = entry.Kind;
            properties = entry.Describe(layer);
            return true;
        }

        kind = string.Empty;
        properties = new Dictionary<string, string>();
        return false;
    }

    internal static bool TryCreate(string kind, IReadOnlyDictionary<string, string> properties, out ILayer? layer)
    {
        layer = ByKind.TryGetValue(kind, out var entry) ? entry.Create(properties) : null;
        return layer is not null;
    }

    private sealed record Entry(string Kind, Func<ILayer, IReadOnlyDictionary<string, string>> Describe, Func<IReadOnlyDictionary<string, string>, ILayer> Create);
}
