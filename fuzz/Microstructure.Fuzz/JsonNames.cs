using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Microstructure.Fuzz;

/// <summary>
/// The camelCase property names and enum values of a JSON-bound type graph (derived types of a polymorphic base included),
/// so the dictionary holds every field a scenario may have, not only those the sample files use.
/// </summary>
internal static class JsonNames
{
    /// <summary>The names reachable from <paramref name="roots"/>.</summary>
    public static IReadOnlyList<string> Of(params Type[] roots)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<Type>();
        var queue = new Queue<Type>(roots);
        while (queue.TryDequeue(out var type))
        {
            if (!seen.Add(type) || type.Namespace?.StartsWith("Microstructure", StringComparison.Ordinal) != true)
            {
                foreach (var argument in type.IsGenericType ? type.GetGenericArguments() : type.IsArray ? [type.GetElementType()!] : [])
                {
                    queue.Enqueue(argument);
                }

                continue;
            }

            if (type.IsEnum)
            {
                foreach (var name in Enum.GetNames(type))
                {
                    names.Add(JsonNamingPolicy.CamelCase.ConvertName(name));
                }

                continue;
            }

            foreach (var derived in type.GetCustomAttributes<JsonDerivedTypeAttribute>())
            {
                queue.Enqueue(derived.DerivedType);
            }

            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                names.Add(JsonNamingPolicy.CamelCase.ConvertName(property.Name));
                queue.Enqueue(Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType);
            }
        }

        return [.. names];
    }
}
