using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Crm.Web.Visitors;

/// <summary>
/// Authenticates widget requests by their visitor token: "Authorization: Bearer …", or the access_token query
/// parameter that browsers must use for WebSockets. Only endpoints that name this scheme use it.
/// </summary>
public sealed class VisitorAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, VisitorTokens tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Visitor";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = Request.Headers.Authorization.ToString() is { } header && header.StartsWith("Bearer ", StringComparison.Ordinal)
            ? header["Bearer ".Length..].Trim()
            : Request.Query["access_token"].ToString();
        if (string.IsNullOrEmpty(token)) return Task.FromResult(AuthenticateResult.NoResult());

        var visitor = tokens.Validate(token);
        if (visitor is null) return Task.FromResult(AuthenticateResult.Fail("The visitor token is invalid or expired."));

        var identity = new ClaimsIdentity(
            [new Claim(Visitor.WorkspaceClaim, visitor.WorkspaceId), new Claim(Visitor.CustomerClaim, visitor.CustomerId)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
