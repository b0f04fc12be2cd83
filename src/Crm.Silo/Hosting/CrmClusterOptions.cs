using System.ComponentModel.DataAnnotations;

namespace Crm.Silo.Hosting;

/// <summary>Bound from "Crm:Cluster". The defaults are the single-node mode.</summary>
public sealed class CrmClusterOptions
{
    public const string SectionName = "Crm:Cluster";
    public const string RedisConnectionStringName = "CrmRedis";

    public ClusterRole Role { get; set; } = ClusterRole.Silo;
    public ClusteringProvider Clustering { get; set; } = ClusteringProvider.Localhost;

    [Required] public string ClusterId { get; set; } = "crm";
    [Required] public string ServiceId { get; set; } = "crm";

    [Range(1, 65535)] public int SiloPort { get; set; } = 11111;
    [Range(1, 65535)] public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos and clients reach this silo at (a pod IP in Kubernetes).</summary>
    [Required] public string AdvertisedIp { get; set; } = "127.0.0.1";
}
