namespace Crm.Web.Identity;

public enum IdentityStoreProvider
{
    Sqlite,
    Postgres,
}
