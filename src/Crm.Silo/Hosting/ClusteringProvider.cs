namespace Crm.Silo.Hosting;

public enum ClusteringProvider
{
    /// <summary>One silo on this machine; nothing to install.</summary>
    Localhost,

    /// <summary>Membership in Redis (ConnectionStrings:CrmRedis): several silos and web nodes.</summary>
    Redis,
}
