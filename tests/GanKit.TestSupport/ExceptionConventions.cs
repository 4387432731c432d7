using System.Reflection;

namespace GanKit.TestSupport;

/// <summary>What every public exception of a GanKit package must offer, as a list of violations.</summary>
public static class ExceptionConventions
{
    /// <summary>The public exception types of <paramref name="assembly"/>, except <paramref name="root"/> itself.</summary>
    /// <param name="assembly">The package's assembly.</param>
    /// <param name="root">The shared base type to leave out.</param>
    /// <returns>The types.</returns>
    public static Type[] ExceptionsOf(Assembly assembly, Type root) =>
        assembly.GetExportedTypes()
            .Where(type => typeof(Exception).IsAssignableFrom(type) && type != root)
            .ToArray();

    /// <summary>
    /// Lists how each type breaks the rules: it must derive from <paramref name="root"/> and have the
    /// parameterless, message and message-plus-cause constructors, each keeping what it was given.
    /// </summary>
    /// <param name="types">The exception types to check.</param>
    /// <param name="root">The base every type must derive from.</param>
    /// <returns>One line per violation; empty when all hold.</returns>
    public static IReadOnlyList<string> Violations(IEnumerable<Type> types, Type root)
    {
        var violations = new List<string>();
        foreach (var type in types)
        {
            if (!type.IsSubclassOf(root))
            {
                violations.Add($"{type.Name} does not derive from {root.Name}");
            }

            var inner = new NotSupportedException("cause");
            if (Create(type) is not { } bare || string.IsNullOrWhiteSpace(bare.Message))
            {
                violations.Add($"{type.Name} has no parameterless constructor with a default message");
            }

            if (Create(type, "explained") is not { Message: "explained" })
            {
                violations.Add($"{type.Name} has no (string message) constructor that keeps the message");
            }

            if (Create(type, "explained", inner) is not { Message: "explained" } withCause || !ReferenceEquals(withCause.InnerException, inner))
            {
                violations.Add($"{type.Name} has no (string message, Exception innerException) constructor that keeps both");
            }
        }

        return violations;
    }

    private static Exception? Create(Type type, params object[] arguments)
    {
        var constructor = type.GetConstructor(arguments.Select(argument => argument is Exception ? typeof(Exception) : argument.GetType()).ToArray());
        return constructor?.Invoke(arguments) as Exception;
    }
}
