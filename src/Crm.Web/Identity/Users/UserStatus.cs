namespace Crm.Web.Identity.Users;

public enum UserStatus
{
    /// <summary>Signs in.</summary>
    Active,

    /// <summary>Invited; has not set a password yet.</summary>
    Invited,

    /// <summary>Deactivated by an admin: cannot sign in, every session refused.</summary>
    Deactivated,
}
