using System.Reflection;
using Microsoft.Extensions.Logging;

namespace GanKit.TestSupport;

/// <summary>The [LoggerMessage] event ids an assembly declares, to check that each package keeps to its range.</summary>
public static class LogEventIds
{
    /// <summary>Every event id on a <see cref="LoggerMessageAttribute"/> in <paramref name="assembly"/>, with the method that declares it.</summary>
    /// <param name="assembly">The package's assembly.</param>
    /// <returns>Pairs of id and <c>Type.Method</c>.</returns>
    public static IReadOnlyList<(int Id, string Method)> Of(Assembly assembly) =>
        assembly.GetTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Select(method => (Method: method, Attribute: method.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(pair => pair.Attribute is not null)
            .Select(pair => (pair.Attribute!.EventId, $"{pair.Method.DeclaringType!.Name}.{pair.Method.Name}"))
            .ToList();
}
