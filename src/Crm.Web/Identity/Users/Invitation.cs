namespace Crm.Web.Identity.Users;

/// <summary>
/// An invitation to hand to the person (by mail or chat): <see cref="Code"/> is single-use and expires at
/// <see cref="ExpiresAt"/>; <see cref="AcceptPath"/> is the console page that takes it (relative to the app's address).
/// </summary>
public sealed record Invitation(UserDetails User, string Code, string AcceptPath, DateTimeOffset ExpiresAt);
