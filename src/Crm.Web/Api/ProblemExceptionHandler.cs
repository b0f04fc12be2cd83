using Crm.Grains.Abstractions.Errors;
using Microsoft.AspNetCore.Diagnostics;

namespace Crm.Web.Api;

/// <summary>
/// Maps refused commands and malformed requests to a 4xx ProblemDetails with a clear message. Anything else stays a
/// 500 without details: a stack trace never reaches a client.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, detail) = exception switch
        {
            DomainException d => (d.Kind switch
            {
                DomainErrorKind.NotFound => StatusCodes.Status404NotFound,
                DomainErrorKind.Conflict => StatusCodes.Status409Conflict,
                DomainErrorKind.Forbidden => StatusCodes.Status403Forbidden,
                _ => StatusCodes.Status400BadRequest,
            }, d.Message),
            BadHttpRequestException b => (b.StatusCode, b.InnerException is System.Text.Json.JsonException
                ? "The request body is not valid JSON of the expected shape."
                : b.Message),
            // The search engine is down: search says so, and nothing else is affected.
            Grains.Abstractions.Search.SearchUnavailableException s => (StatusCodes.Status503ServiceUnavailable, s.Message),
            UnauthorizedAccessException u => (StatusCodes.Status401Unauthorized, u.Message),
            // A form posted without its token, or with one from an expired session: the user reloads and tries again.
            Microsoft.AspNetCore.Antiforgery.AntiforgeryValidationException => (StatusCodes.Status400BadRequest,
                "This form has expired or did not come from this site: reload the page and try again."),
            _ => (0, ""),
        };
        if (status == 0) return false;

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = { Status = status, Detail = detail },
        });
    }
}
