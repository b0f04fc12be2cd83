using Crm.Silo.Hosting;

namespace Crm.Silo.Infrastructure.Blobs;

/// <summary>
/// Blob store settings. <see cref="Provider"/> and <see cref="ContainerName"/> bind from <c>Crm:Blobs</c>;
/// <see cref="DataPath"/> comes from <c>Crm:DataPath</c> and <see cref="ConnectionString"/> from
/// <c>ConnectionStrings:CrmBlobs</c>, following the event store's split between a feature section and shared keys.
/// </summary>
public sealed class BlobStoreOptions
{
    public const string SectionName = "Crm:Blobs";
    public const string ConnectionStringName = "CrmBlobs";
    public const string FolderName = "blobs";
    public const string DefaultContainerName = "crm-blobs";

    public BlobStoreProvider Provider { get; set; } = BlobStoreProvider.Folder;

    /// <summary>The data folder; blobs go to its <c>blobs</c> subfolder. A relative path is resolved against the current directory.</summary>
    public string DataPath { get; set; } = DataPaths.Default;

    /// <summary>Azure Storage connection string, required when <see cref="Provider"/> is AzureBlob.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The Azure container that holds every workspace's blobs (keys carry the workspace); created if missing.</summary>
    public string ContainerName { get; set; } = DefaultContainerName;

    /// <summary>The folder provider's root: <c>{DataPath}/blobs</c>, absolute.</summary>
    public string FolderPath => Path.Combine(Path.GetFullPath(DataPath), FolderName);
}
