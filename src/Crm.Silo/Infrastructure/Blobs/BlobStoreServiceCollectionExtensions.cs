using Crm.Grains.Abstractions.Blobs;
using Crm.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Crm.Silo.Infrastructure.Blobs;

public static class BlobStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IBlobStore"/> as a singleton: a folder under <c>Crm:DataPath</c> (<c>{DataPath}/blobs</c>) by
    /// default, Azure Blob Storage when <c>Crm:Blobs:Provider</c> is AzureBlob (connection string
    /// <c>ConnectionStrings:CrmBlobs</c>, container <c>Crm:Blobs:ContainerName</c>, default crm-blobs, created if missing).
    /// The options are validated when the host starts, or when the store is first resolved.
    /// </summary>
    public static IServiceCollection AddCrmBlobStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<BlobStoreOptions>()
            .Bind(configuration.GetSection(BlobStoreOptions.SectionName))
            .Configure(options =>
            {
                // Shared keys, outside the section: the event store uses the same data folder.
                options.DataPath = configuration[DataPaths.Key] is { Length: > 0 } dataPath ? dataPath : DataPaths.Default;
                options.ConnectionString = configuration.GetConnectionString(BlobStoreOptions.ConnectionStringName);
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BlobStoreOptions>, BlobStoreOptionsValidator>());

        services.TryAddSingleton<IBlobStore>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<BlobStoreOptions>>().Value;
            return options.Provider switch
            {
                BlobStoreProvider.AzureBlob => new AzureBlobStore(options.ConnectionString!, options.ContainerName),
                _ => new FolderBlobStore(options.FolderPath, provider.GetService<ILoggerFactory>()?.CreateLogger<FolderBlobStore>()),
            };
        });

        return services;
    }
}
