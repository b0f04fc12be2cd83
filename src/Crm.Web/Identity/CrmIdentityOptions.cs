namespace Crm.Web.Identity;

/// <summary>Bound from "Crm:Identity": where users live. Sqlite in the data folder by default; Postgres for several web nodes.</summary>
public sealed class CrmIdentityOptions
{
    public const string SectionName = "Crm:Identity";

    public IdentityStoreProvider Provider { get; set; } = IdentityStoreProvider.Sqlite;
}
