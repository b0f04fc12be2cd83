namespace Crm.Web.Identity;

/// <summary>Claim types this app adds to the login cookie.</summary>
public static class CrmClaims
{
    public const string Workspace = "crm:workspace";
    public const string Agent = "crm:agent";
    public const string DisplayName = "crm:name";
}
