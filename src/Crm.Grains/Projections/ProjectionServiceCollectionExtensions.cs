using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Projections;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Crm.Grains.Projections;

public static class ProjectionServiceCollectionExtensions
{
    /// <summary>
    /// The projection runner of a silo: its options (<c>Crm:Projections</c>), the monitor (meter <see cref="ProjectionMonitor.MeterName"/>),
    /// the per-silo waker, and the kinds of partition it re-activates. Needs an <see cref="IEventStore"/> and an
    /// <c>ISnapshotStore</c> and the store's <see cref="ICommitSignal"/> (bound with the store).
    /// Idempotent. Call it on a silo's services only.
    /// </summary>
    public static IServiceCollection AddCrmProjectionRunner(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(ProjectionWakeList))) return services;
        services.AddOptions<ProjectionOptions>().Bind(configuration.GetSection(ProjectionOptions.SectionName));
        services.AddSingleton<ProjectionMonitor>();
        services.AddSingleton<SnapshotCodec>();
        services.AddSingleton<ProjectionServices>();
        services.AddSingleton(_ =>
        {
            var kinds = new ProjectionWakeList();
            foreach (var (kind, find) in ProjectionKinds.All) kinds.AddKind(kind, find);
            return kinds;
        });
        services.AddHostedService<ProjectionWaker>();
        return services;
    }

    /// <summary>
    /// Registers <typeparamref name="TProjection"/> (a singleton) to run once per cluster through the projection runner;
    /// every silo must register the same projections.
    /// </summary>
    public static IServiceCollection AddCrmProjection<TProjection>(this IServiceCollection services)
        where TProjection : class, IProjection
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IProjection, TProjection>());
        return services;
    }

    /// <summary>
    /// Registers a projection that runs on every node (its target is in this process: an embedded index, in-memory
    /// vectors), fed by <see cref="NodeProjectionHost"/>. Call it on a silo's services.
    /// </summary>
    public static IServiceCollection AddCrmNodeProjection(this IServiceCollection services, Func<IServiceProvider, IProjection> create)
    {
        services.AddSingleton(provider => new NodeProjection(create(provider)));
        if (services.All(d => d.ImplementationType != typeof(NodeProjectionHost)))
            services.AddHostedService<NodeProjectionHost>();
        return services;
    }
}
