using System.Text.Json;
using System.Text.Json.Serialization;
using Crm.Grains.Abstractions.Search;

namespace Crm.Silo.Infrastructure.Search;

/// <summary>A <see cref="SearchDocument"/> as every engine stores it beside its index fields, so hits and the indexer's next fold read it back whole.</summary>
internal static class SearchDocumentJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static string Serialize(SearchDocument document) => JsonSerializer.Serialize(document, Options);

    public static SearchDocument Deserialize(string json) =>
        JsonSerializer.Deserialize<SearchDocument>(json, Options) ?? throw new InvalidOperationException("A search document without its stored form.");
}
