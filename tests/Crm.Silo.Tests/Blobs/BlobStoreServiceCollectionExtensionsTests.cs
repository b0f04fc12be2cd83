using Crm.Grains.Abstractions.Blobs;
using Crm.Silo.Infrastructure.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace Crm.Silo.Tests.Blobs;

public sealed class BlobStoreServiceCollectionExtensionsTests : IDisposable
{
    private const string AzuriteConnectionString =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;";

    private readonly string folder = Path.Combine(Path.GetTempPath(), $"crm-blobs-di-{Guid.NewGuid():N}");

    [Fact]
    public void AddCrmBlobStore_DefaultProvider_ResolvesOneFolderStoreUnderDataPathBlobs()
    {
        using var services = Build(new() { ["Crm:DataPath"] = folder });

        var store = services.GetRequiredService<IBlobStore>();

        var folderStore = Assert.IsType<FolderBlobStore>(store);
        Assert.Equal(Path.Combine(folder, "blobs"), folderStore.Root);
        Assert.Same(store, services.GetRequiredService<IBlobStore>());
    }

    [Fact]
    public void AddCrmBlobStore_NoDataPath_DefaultsToDataFolderInCurrentDirectory()
    {
        using var services = Build([]);

        var options = services.GetRequiredService<IOptions<BlobStoreOptions>>().Value;

        Assert.Equal(BlobStoreProvider.Folder, options.Provider);
        Assert.Equal(Path.Combine(Environment.CurrentDirectory, "data", "blobs"), options.FolderPath);
    }

    [Fact]
    public void AddCrmBlobStore_AzureBlobWithConnectionString_ResolvesAzureStoreOnTheConfiguredContainer()
    {
        using var services = Build(new()
        {
            ["Crm:Blobs:Provider"] = "azureblob",
            ["Crm:Blobs:ContainerName"] = "tenant-files",
            ["ConnectionStrings:CrmBlobs"] = AzuriteConnectionString,
        });

        var azure = Assert.IsType<AzureBlobStore>(services.GetRequiredService<IBlobStore>());

        Assert.Equal("tenant-files", azure.Container.Name);
        Assert.Equal("devstoreaccount1", azure.Container.AccountName);
    }

    [Fact]
    public void AddCrmBlobStore_AzureBlobWithoutConnectionString_FailsWithMessageNamingTheKey()
    {
        using var services = Build(new() { ["Crm:Blobs:Provider"] = "AzureBlob" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IBlobStore>());

        Assert.Contains("ConnectionStrings:CrmBlobs", error.Message);
    }

    [Fact]
    public void AddCrmBlobStore_AzureBlobWithMalformedConnectionString_FailsSayingItIsNotValid()
    {
        using var services = Build(new()
        {
            ["Crm:Blobs:Provider"] = "AzureBlob",
            ["ConnectionStrings:CrmBlobs"] = "this is not a connection string",
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IBlobStore>());

        Assert.Contains("ConnectionStrings:CrmBlobs is not a valid Azure Storage connection string", error.Message);
    }

    [Theory]
    [InlineData("Attachments")]
    [InlineData("ab")]
    [InlineData("crm--blobs")]
    [InlineData("-crm")]
    public void AddCrmBlobStore_InvalidContainerName_FailsWithMessageNamingTheKey(string containerName)
    {
        using var services = Build(new()
        {
            ["Crm:Blobs:Provider"] = "AzureBlob",
            ["Crm:Blobs:ContainerName"] = containerName,
            ["ConnectionStrings:CrmBlobs"] = AzuriteConnectionString,
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IBlobStore>());

        Assert.Contains($"Crm:Blobs:ContainerName '{containerName}' is not a valid container name", error.Message);
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddCrmBlobStore(configuration).BuildServiceProvider();
    }
}
