namespace Crm.Silo.Infrastructure.Blobs;

/// <summary>Where blobs live: a folder under the data folder (single node) or Azure Blob Storage (cluster, Azurite locally).</summary>
public enum BlobStoreProvider
{
    Folder,
    AzureBlob,
}
