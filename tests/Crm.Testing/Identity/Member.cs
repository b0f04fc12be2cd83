namespace Crm.Testing.Identity;

/// <summary>A user a test invited and who accepted: their id and how they sign in.</summary>
public sealed record Member(string UserId, string Email, string Role);
