namespace Crm.Silo.Hosting;

public enum ClusterRole
{
    /// <summary>This process hosts a silo (Crm.Web's default: the whole system in one process).</summary>
    Silo,

    /// <summary>This process joins a cluster of standalone silos as an Orleans client (Crm.Web nodes in cluster mode).</summary>
    Client,
}
