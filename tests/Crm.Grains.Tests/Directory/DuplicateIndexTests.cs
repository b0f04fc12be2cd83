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
        var ada = Keys("Ada Lovelace", "ada@example.org");
        index.Move("a", DuplicateKeys.None, ada);
        Assert.Equal(["a"], Candidates(index, "ADA@example.org"));

        var adaL = Keys("Ada L.", "ada@example.org");
        index.Move("b", DuplicateKeys.None, adaL);
        index.Move("b", adaL, adaL); // the same record again: still once
        Assert.Equal(["a", "b"], Candidates(index, "ada@example.org").Order());
        Assert.Equal(2, index.CrowdedKeys().Count()); // the email, and the domain they share

        index.Move("b", adaL, Keys("Ada L.", "other@elsewhere.net")); // b moved to another address
        Assert.Equal(["a"], Candidates(index, "ada@example.org"));
        Assert.Equal(["b"], Candidates(index, "other@elsewhere.net"));
        Assert.Empty(index.CrowdedKeys()); // nothing shared any more: each key is back to one customer

        index.Move("a", ada, DuplicateKeys.None);
        Assert.Empty(Candidates(index, "ada@example.org"));
    }

    [Fact]
    public void Keys_OfOneContact_AreDistinctByKindAndFoldedLikeTheRules()
    {
        var keys = DuplicateKeys.Of("Ada", " ADA@Example.org ", "+44 20 7946 0958", "company-1");
        Assert.Equal(keys, DuplicateKeys.Of("Ada", "ada@example.org", "+442079460958", "company-1"));
        Assert.Equal(4, keys.All.Distinct().Count());
        Assert.Equal(0UL, DuplicateKeys.Of("Ada", "ada@gmail.com", null, null).Domain); // free mail is no shared domain
        Assert.Empty(DuplicateKeys.None.All);
    }

    private static DuplicateKeys Keys(string name, string email) => DuplicateKeys.Of(name, email, null, null);

    private static IEnumerable<string> Candidates(DuplicateIndex index, string email) =>
        index.Candidates(new DuplicateProbe("probe", "Someone", email, null, null));
}
