using System.Text.Json;
using System.Text.Json.Serialization;

namespace Crm.Web.Tests.Support;

/// <summary>The server's JSON shape: web defaults (camelCase) with enums as kebab-case strings.</summary>
public static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        return options;
    }
}
