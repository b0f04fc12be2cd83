using Xunit;

namespace Crm.Browser.Tests.Hosting;

/// <summary>
/// Every browser test class shares one Chromium and one Crm.Web process: starting them is most of the run's cost.
/// Tests isolate themselves with a fresh browser context each and their own conversations or unique bodies.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
