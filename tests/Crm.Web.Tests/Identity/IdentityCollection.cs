using Xunit;

namespace Crm.Web.Tests.Identity;

/// <summary>The identity tests share one node: each makes its own users, so they never depend on each other's data.</summary>
[CollectionDefinition(Name)]
public sealed class IdentityCollection : ICollectionFixture<IdentityNodeFixture>
{
    public const string Name = "Identity";
}
