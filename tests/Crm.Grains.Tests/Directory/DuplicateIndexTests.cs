using Crm.Grains.Abstractions.Directory;
using Crm.Grains.Directory;
using Xunit;

namespace Crm.Grains.Tests.Directory;

/// <summary>
/// The candidates a duplicate check scores: a key shared by one customer, then two, then one again as records change
/// or go; an update never lists a customer twice nor keeps its old keys.
/// </summary>
public sealed class DuplicateIndexTests
{
    [Fact]
    public void Candidates_AsCustomersShareAndLeaveAKey_AreExactlyTheOthersUnderIt()
    {
        var index = new DuplicateIndex();
        index.Put("a", "Ada Lovelace", "ada@example.org", null, null);
        Assert.Equal(["a"], Candidates(index, "ADA@example.org"));

        index.Put("b", "Ada L.", "ada@example.org", null, null);
        index.Put("b", "Ada L.", "ada@example.org", null, null); // the same record again: still once
        Assert.Equal(["a", "b"], Candidates(index, "ada@example.org").Order());
        Assert.Equal(2, index.CrowdedKeys().Count()); // the email, and the domain they share

        index.Put("b", "Ada L.", "other@elsewhere.net", null, null); // b moved to another address
        Assert.Equal(["a"], Candidates(index, "ada@example.org"));
        Assert.Equal(["b"], Candidates(index, "other@elsewhere.net"));
        Assert.Empty(index.CrowdedKeys()); // nothing shared any more: each key is back to one customer

        index.Remove("a");
        Assert.Empty(Candidates(index, "ada@example.org"));
    }

    private static IEnumerable<string> Candidates(DuplicateIndex index, string email) =>
        index.Candidates(new DuplicateProbe("probe", "Someone", email, null, null));
}
