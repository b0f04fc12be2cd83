using System.Text.Json;
using Crm.Grains.Abstractions.Errors;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Crm.Web.Inbound;

/// <summary>
/// Reads an integration request's JSON body after the key was checked (minimal-API body binding would run before any
/// filter). Any content type is accepted: gateways are not always careful about it.
/// </summary>
public sealed class IntegrationJson(IOptions<JsonOptions> options)
{
    /// <summary>The body as <typeparamref name="T"/>, or null when the body is empty or JSON null.</summary>
    public async Task<T?> ReadAsync<T>(HttpRequest request) where T : class
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        if (buffer.Length == 0) return null;
        buffer.Position = 0;
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(buffer, options.Value.SerializerOptions, request.HttpContext.RequestAborted);
        }
        catch (JsonException ex)
        {
            var where = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "" : $" (at {ex.Path})";
            throw new DomainException(DomainErrorKind.Invalid, $"The request body is not valid JSON of the expected shape{where}.");
        }
    }
}
