using System.Collections;
using System.Reflection;
using System.Text.Json;

namespace Crm.Web.Operations;

/// <summary>
/// The JSON fields of a request body type and their kinds (string, number, boolean, array, object), as the web JSON
/// options name them: what <c>authorization-matrix</c> prints so a test can send each field as every wrong kind.
/// </summary>
internal static class BodyShape
{
    public static IReadOnlyDictionary<string, string>? Of(Type? type)
    {
        if (type is null) return null;
        var item = ItemOf(type) ?? type;
        if (KindOf(item) != "object" || item.Namespace?.StartsWith("System", StringComparison.Ordinal) == true) return null;
        return item.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
            .ToDictionary(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name), p => KindOf(p.PropertyType));
    }

    private static string KindOf(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string) || type.IsEnum || type == typeof(Guid) || type == typeof(DateTimeOffset) || type == typeof(DateTime)
            || type == typeof(DateOnly) || type == typeof(TimeOnly) || type == typeof(TimeSpan)) return "string";
        if (type == typeof(bool)) return "boolean";
        if (type.IsPrimitive || type == typeof(decimal)) return "number";
        return ItemOf(type) is not null ? "array" : "object";
    }

    private static Type? ItemOf(Type type) =>
        type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type) ? null
        : type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
}
