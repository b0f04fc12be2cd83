using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.Imports;
using Crm.Web.Identity;
using Crm.Web.Security.Authorization;
using Crm.Web.Services;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Crm.Web.Api;

public static class ImportsApi
{
    /// <summary>The multipart request may be a little larger than the file it carries.</summary>
    private const long RequestLimit = ImportService.MaxUploadBytes + 64 * 1024;

    /// <param name="Mapping">One target per column, in the file's order: for customers name, first-name, last-name, email, phone, company, tags, attr:{key}; for companies name, domain, owner; for deals title, pipeline, stage, amount, currency, close, owner, company, contact-email; or ignore.</param>
    /// <param name="Duplicates">skip (the default), update, merge or create.</param>
    public sealed record ImportRequest(IReadOnlyList<string>? Mapping, string? Duplicates);

    /// <summary>/api/imports: upload a CSV (multipart field "file", kind=customers, companies or deals), dry-run a mapping, start, follow.</summary>
    public static IEndpointRouteBuilder MapImportsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/imports").WithTags("Imports").RequirePolicy(CrmPolicies.Sell);
        api.MapPost("/", UploadAsync).DisableAntiforgery();
        api.MapPost("/{importId}/dry-run", (string importId, ImportRequest request, WorkspaceUser user, ImportService imports) =>
            imports.DryRunAsync(user, importId, request.Mapping, request.Duplicates));
        api.MapPost("/{importId}/start", (string importId, ImportRequest request, WorkspaceUser user, ImportService imports) =>
            imports.StartAsync(user, importId, request.Mapping, request.Duplicates));
        api.MapGet("/{importId}", (string importId, WorkspaceUser user, ImportService imports) => imports.GetAsync(user, importId));
        return endpoints;
    }

    private static async Task<Created<ImportDetails>> UploadAsync(HttpContext context, string? kind, WorkspaceUser user, ImportService imports, CancellationToken cancellationToken)
    {
        // Raised for this endpoint only: every other request keeps the default limits.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = RequestLimit;
        if (context.Request.ContentLength > RequestLimit)
            throw new DomainException(DomainErrorKind.Invalid, $"The file is larger than {ImportService.MaxUploadBytes / (1024 * 1024)} MB; split it.");
        if (!context.Request.HasFormContentType)
            throw new DomainException(DomainErrorKind.Invalid, "Upload a CSV file as multipart/form-data in a field named 'file'.");
        context.Features.Set<IFormFeature>(new FormFeature(context.Request, new FormOptions { MultipartBodyLengthLimit = RequestLimit }));
        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException ex)
        {
            throw new DomainException(DomainErrorKind.Invalid, $"The upload could not be read: {ex.Message}");
        }
        var file = form.Files.GetFile("file") ?? throw new DomainException(DomainErrorKind.Invalid, "The form has no field named 'file'.");
        if (file.Length > ImportService.MaxUploadBytes)
            throw new DomainException(DomainErrorKind.Invalid, $"'{file.FileName}' is larger than {ImportService.MaxUploadBytes / (1024 * 1024)} MB; split it.");
        await using var stream = file.OpenReadStream();
        var details = await imports.UploadAsync(user, kind ?? form["kind"].FirstOrDefault(), file.FileName, stream, cancellationToken);
        return TypedResults.Created($"/api/imports/{details.ImportId}", details);
    }
}
