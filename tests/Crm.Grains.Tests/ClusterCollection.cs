using Crm.Testing.Cluster;
using Xunit;

namespace Crm.Grains.Tests;

/// <summary>
/// Every grain test shares one two-silo cluster over one SQLite store; tests stay apart by fresh workspace ids.
/// The collection also runs its tests one at a time, which tests that advance the shared fake clock rely on.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<CrmClusterFixture>
{
    public const string Name = "Crm cluster";
}

/// <summary>
/// A cluster of its own for tests that stop silos, so the shared cluster never loses one. Runs beside the shared
/// collection, its tests one at a time; each takes a running secondary silo to stop from the fixture, which starts a
/// new one when an earlier test stopped the last.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SiloFailureCollection : ICollectionFixture<CrmClusterFixture>
{
    public const string Name = "Crm cluster with silo failures";
}
