namespace Crm.Web.Identity;

/// <summary>Claim types this app adds to the login cookie.</summary>
public static class CrmClaims
{
    public const string Workspace = "crm:workspace";
    public const string Agent = "crm:agent";
    public const string DisplayName = "crm:name";

    /// <summary>The server-side session this cookie belongs to (see Sessions/SessionStore): ending it refuses the cookie.</summary>
    public const string Session = "crm:session";
}
