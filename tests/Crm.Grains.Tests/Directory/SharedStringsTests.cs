using Crm.Grains.Customers;
using Crm.Grains.Customers.Events;
using Crm.Grains.Directory;
using Xunit;

namespace Crm.Grains.Tests.Directory;

/// <summary>
/// The directory's one copy of each repeated string: customers written by one user share that user's id and their
/// company's name, and a full table stops adding without losing a value.
/// </summary>
public sealed class SharedStringsTests
{
    [Fact]
    public void ShareStrings_TwoCustomersOfOneAuthorAndCompany_HoldOneCopyOfEach()
    {
        var shared = new SharedStrings();
        var first = Customer(new string("user:importer".AsSpan()), new string("Acme Ltd".AsSpan()));
        var second = Customer(new string("user:importer".AsSpan()), new string("Acme Ltd".AsSpan()));
        Assert.NotSame(first.Profile!.By, second.Profile!.By);

        first.ShareStrings(shared.Share);
        second.ShareStrings(shared.Share);

        Assert.Same(first.Profile!.By, second.Profile!.By);
        Assert.Same(first.Profile.CompanyName, second.Profile.CompanyName);
        Assert.Equal(("user:importer", "Acme Ltd", "ada@example.org"), (second.Profile.By, second.Profile.CompanyName, second.Profile.Email));
    }

    [Fact]
    public void Share_PastItsCapacity_ReturnsNewValuesAsTheyAre()
    {
        var shared = new SharedStrings(capacity: 1);
        var kept = shared.Share(new string("a".AsSpan()));
        var late = new string("b".AsSpan());

        Assert.Same(kept, shared.Share(new string("a".AsSpan())));
        Assert.Same(late, shared.Share(late));
        Assert.NotSame(late, shared.Share(new string("b".AsSpan())));
        Assert.Null(shared.Share(null));
    }

    private static CustomerState Customer(string by, string company)
    {
        var state = new CustomerState();
        state.Apply(new CustomerUpserted("Ada", "ada@example.org", null, company) { By = by, At = DateTimeOffset.UnixEpoch });
        return state;
    }
}
