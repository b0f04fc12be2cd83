using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Crm.Grains.Abstractions.Blobs;

namespace Crm.Silo.Infrastructure.Blobs;

/// <summary>
/// Blobs in one Azure Blob Storage container (Azurite locally), the key as the blob name. An upload is committed whole by
/// the service, so readers never see part of one. The container is created on the first put when missing.
/// </summary>
public sealed class AzureBlobStore : IBlobStore, IDisposable
{
    /// <summary>
    /// The newest REST version Azurite 3.35 accepts. Pinned so the client speaks the same protocol to the emulator in
    /// tests as to Azure in production, rather than a newer default that only Azure understands.
    /// </summary>
    public const BlobClientOptions.ServiceVersion ServiceVersion = BlobClientOptions.ServiceVersion.V2025_11_05;

    private readonly SemaphoreSlim containerGate = new(1, 1);
    private volatile bool containerReady;

    public AzureBlobStore(string connectionString, string containerName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentException.ThrowIfNullOrWhiteSpace(containerName);
        Container = new BlobContainerClient(connectionString, containerName, new BlobClientOptions(ServiceVersion));
    }

    public BlobContainerClient Container { get; }

    public async Task PutAsync(string key, Stream content, string contentType, CancellationToken cancellationToken = default)
    {
        BlobArguments.Put(key, content, contentType);
        await EnsureContainerAsync(cancellationToken);
        var options = new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } };
        await Container.GetBlobClient(key).UploadAsync(content, options, cancellationToken);
    }

    public async Task<BlobContent?> OpenReadAsync(string key, CancellationToken cancellationToken = default)
    {
        var blob = Container.GetBlobClient(BlobArguments.Key(key));
        try
        {
            var download = (await blob.DownloadStreamingAsync(cancellationToken: cancellationToken)).Value;
            return new BlobContent(download.Content, download.Details.ContentType ?? string.Empty, download.Details.ContentLength);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            // BlobNotFound, or ContainerNotFound before the first put: either way there is no such blob.
            return null;
        }
    }

    public async Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        var blob = Container.GetBlobClient(BlobArguments.Key(key));
        try
        {
            return (await blob.DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken)).Value;
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return false;
        }
    }

    public async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default)
    {
        var blob = Container.GetBlobClient(BlobArguments.Key(key));
        return (await blob.ExistsAsync(cancellationToken)).Value;
    }

    public void Dispose() => containerGate.Dispose();

    private async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        if (containerReady)
        {
            return;
        }

        // Not a Lazy<Task>: a failed attempt (storage briefly unreachable) must not be cached for the host's lifetime.
        await containerGate.WaitAsync(cancellationToken);
        try
        {
            if (!containerReady)
            {
                await Container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
                containerReady = true;
            }
        }
        finally
        {
            containerGate.Release();
        }
    }
}
