using System.Security.Claims;

namespace Crm.Web.Visitors;

/// <summary>A widget visitor: a customer of one workspace, allowed to see only the conversations it started.</summary>
public sealed record Visitor(string WorkspaceId, string CustomerId)
{
    public const string WorkspaceClaim = "crm:visitor-workspace";
    public const string CustomerClaim = "crm:visitor-customer";

    public string Actor => $"customer:{CustomerId}";

    /// <summary>Reads a principal made by <see cref="VisitorAuthenticationHandler"/>; null for anything else (console users included).</summary>
    public static Visitor? From(ClaimsPrincipal? principal)
    {
        var workspace = principal?.FindFirstValue(WorkspaceClaim);
        var customer = principal?.FindFirstValue(CustomerClaim);
        return workspace is null || customer is null ? null : new Visitor(workspace, customer);
    }
}
