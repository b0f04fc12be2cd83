using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.Keys;
using Xunit;

namespace Crm.Grains.Tests.Keys;

public sealed class GrainKeysTests
{
    [Fact]
    public void Scoped_ThenParse_RoundTripsWorkspaceAndId()
    {
        var key = GrainKeys.Scoped("acme", "c-1");

        Assert.Equal("acme/c-1", key);
        Assert.Equal(("acme", "c-1"), GrainKeys.Parse(key));
    }

    [Theory]
    [InlineData("Acme", "c-1", "workspace")]
    [InlineData("acme", "c/1", "entity")]
    [InlineData("", "c-1", "workspace")]
    [InlineData("acme", "", "entity")]
    public void Scoped_InvalidId_RefusedAsInvalid(string workspaceId, string id, string named)
    {
        var refused = Assert.Throws<DomainException>(() => GrainKeys.Scoped(workspaceId, id));

        Assert.Equal(DomainErrorKind.Invalid, refused.Kind);
        Assert.StartsWith($"The {named} id", refused.Message);
    }

    [Theory]
    [InlineData("acme")]
    [InlineData("/c-1")]
    [InlineData("acme/")]
    [InlineData("")]
    public void Parse_KeyWithoutWorkspaceAndId_Refused(string key)
    {
        Assert.Throws<ArgumentException>(() => GrainKeys.Parse(key));
    }

    [Theory]
    [InlineData("acme")]
    [InlineData("a0")]
    [InlineData("0-team_eu")]
    public void IsValid_LowercaseSlug_True(string id) => Assert.True(Ids.IsValid(id));

    [Fact]
    public void New_Always_AValidIdNeverRepeated()
    {
        var ids = Enumerable.Range(0, 100).Select(_ => Ids.New()).ToList();

        Assert.All(ids, id => Assert.True(Ids.IsValid(id), id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }
}
