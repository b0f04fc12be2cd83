using Crm.Testing.Servers;
using Xunit;

namespace Crm.Silo.Tests.Blobs;

/// <summary>One Azurite server for every test in the collection; each test uses a container of its own on it.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteServer>
{
    public const string Name = "Azurite";
}
