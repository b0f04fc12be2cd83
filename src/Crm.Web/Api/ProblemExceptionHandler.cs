using Crm.Grains.Abstractions.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

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
            // A multipart body cut short (a part that never ends) or a malformed form, found while the form was read:
            // the client's fault, wherever the form is read (uploads, the login form, antiforgery).
            IOException or InvalidDataException when IsUnreadForm(httpContext) => (StatusCodes.Status400BadRequest,
                "The form is malformed or ended early (every multipart part must end with its boundary): send it again, whole."),
            // The search engine is down: search says so, and nothing else is affected.
            Grains.Abstractions.Search.SearchUnavailableException s => (StatusCodes.Status503ServiceUnavailable, s.Message),
            // A projection stopped on a poison event: the read it serves is stale until it resumes, by itself.
            Grains.Abstractions.Projections.ProjectionStoppedException p => (StatusCodes.Status503ServiceUnavailable,
                $"The '{p.Projection}' view is held at an event it could not process and cannot answer truthfully yet; it resumes by itself, try again shortly."),
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

    /// <summary>A form body was sent and reading it never finished: the exception came from the form, not the app.</summary>
    private static bool IsUnreadForm(HttpContext context) =>
        context.Request.HasFormContentType && context.Features.Get<IFormFeature>() is not { Form: not null };
}
