using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;

namespace Crm.Web.Security;

/// <summary>
/// Reads the email of a sign-in attempt (JSON or the login form) before the rate limiter runs, whose partitioner cannot
/// read a body, so attempts on one account are limited from every IP. The body stays readable for the endpoint
/// (JSON is buffered and rewound; a form is cached on the request). A sign-in body is small: over 16 KB is refused (413).
/// </summary>
public sealed class LoginEmailMiddleware(RequestDelegate next)
{
    public const string ItemKey = "crm.login-email";
    public const long BodyLimit = 16 * 1024;
    private const int MaxEmailLength = 256;

    public async Task InvokeAsync(HttpContext context)
    {
        if (RequestRateLimits.IsLogin(context.Request))
        {
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = BodyLimit;
            if (await ReadEmailAsync(context.Request, context.RequestAborted) is { Length: > 0 } email)
                context.Items[ItemKey] = email.Trim().ToUpperInvariant()[..Math.Min(email.Trim().Length, MaxEmailLength)];
        }
        await next(context);
    }

    private static async Task<string?> ReadEmailAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.HasFormContentType)
        {
            try
            {
                // The login form posts "Input.Email"; any field named like an email counts.
                var form = await request.ReadFormAsync(cancellationToken);
                return form.FirstOrDefault(f => f.Key.EndsWith("Email", StringComparison.OrdinalIgnoreCase)).Value.ToString();
            }
            catch (InvalidDataException)
            {
                return null; // A malformed form is the endpoint's to refuse.
            }
        }
        if (!request.HasJsonContentType()) return null;

        // Kestrel's limit (set above) refuses anything larger with a 413 while this reads.
        request.EnableBuffering();
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            if (document.RootElement.ValueKind != JsonValueKind.Object) return null;
            // Web JSON binding is case-insensitive, so the limit must be too.
            foreach (var property in document.RootElement.EnumerateObject())
                if (string.Equals(property.Name, "email", StringComparison.OrdinalIgnoreCase))
                    return property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
            return null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Malformed JSON, or a string that is not valid UTF-16 (a lone surrogate escape): the endpoint answers 400.
            return null;
        }
        finally
        {
            request.Body.Position = 0;
        }
    }
}
