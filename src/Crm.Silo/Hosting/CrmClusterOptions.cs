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

    public const int DefaultSiloPort = 11111;
    public const int DefaultGatewayPort = 30000;

    /// <summary>
    /// Unset: in the single-node mode (a silo with localhost clustering) a free port, so a second copy of the app or a
    /// test host beside a running one still starts; otherwise <see cref="DefaultSiloPort"/>. A configured port is kept.
    /// </summary>
    [Range(1, 65535)] public int? SiloPort { get; set; }

    /// <summary>Unset: as <see cref="SiloPort"/>, with <see cref="DefaultGatewayPort"/> outside the single-node mode.</summary>
    [Range(1, 65535)] public int? GatewayPort { get; set; }

    /// <summary>The address other silos and clients reach this silo at (a pod IP in Kubernetes).</summary>
    [Required] public string AdvertisedIp { get; set; } = "127.0.0.1";
}
