using Crm.Grains.Abstractions.Blobs;
using Crm.Silo.Infrastructure.Blobs;
using Crm.Testing.Servers;
using Xunit;

namespace Crm.Silo.Tests.Blobs;

/// <summary>The contract on Azurite, each test in a container of its own that the store creates on its first put.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureBlobStoreTests(AzuriteServer server) : BlobStoreContractTests
{
    private readonly string containerName = $"test-{Guid.NewGuid():N}";
    private AzureBlobStore? azure;

    [Fact]
    public async Task PutAsync_ContainerMissing_CreatesIt()
    {
        Assert.False((await azure!.Container.ExistsAsync()).Value);

        await Store.PutAsync(BlobKeys.Attachment("ws1", "a1", "x.txt"), Bytes("x"), "text/plain");

        Assert.True((await azure.Container.ExistsAsync()).Value);
    }

    protected override Task<IBlobStore> OpenStoreAsync()
    {
        azure = new AzureBlobStore(server.ConnectionString, containerName);
        return Task.FromResult<IBlobStore>(azure);
    }

    protected override async Task DeleteStorageAsync()
    {
        if (azure is not null)
        {
            await azure.Container.DeleteIfExistsAsync();
            azure.Dispose();
        }
    }
}
