namespace Crm.Web.Identity.Users;

/// <summary>An admin invites someone into their own workspace with a role; they choose their password from the link.</summary>
public sealed record InviteUser(string? Email, string? DisplayName, string? Role);
