using Crm.Grains.Abstractions.Attributes;
using Crm.Grains.Abstractions.Companies;
using Crm.Grains.Abstractions.Customers;
using Crm.Grains.Abstractions.Directory;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Customers.Events;
using Crm.Testing.Cluster;
using Xunit;

namespace Crm.Grains.Tests.Customers;

/// <summary>Customer 360 writes: attributes checked against the workspace's definitions, tags, company, timeline and duplicates.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CustomerSaveTests(CrmClusterFixture cluster)
{
    private readonly string workspaceId = TestKeys.NewWorkspaceId();

    private CustomerKit Kit => new(cluster, workspaceId);

    private IAttributeSchemaGrain Schema => cluster.Grains.GetGrain<IAttributeSchemaGrain>(workspaceId);

    [Fact]
    public async Task SaveAsync_AttributesOfEachKind_StoredNormalizedAsOneEvent()
    {
        await DefineAsync("seats", AttributeKind.Number);
        await DefineAsync("renewal", AttributeKind.Date);
        await DefineAsync("plan", AttributeKind.Choice, "Free", "Pro");
        await DefineAsync("channels", AttributeKind.MultiChoice, "Chat", "Email", "Phone");
        await DefineAsync("site", AttributeKind.Url);
        await DefineAsync("billing", AttributeKind.Email);
        await DefineAsync("mobile", AttributeKind.Phone);

        var saved = await Kit.SaveAsync("ada", "Ada", attributes: new Dictionary<string, string?>
        {
            ["seats"] = " 12.50 ", ["renewal"] = "2027-01-31", ["plan"] = "pro", ["channels"] = "phone; chat",
            ["site"] = "https://engines.example", ["billing"] = "bills@engines.example", ["mobile"] = "0044 7700 900123",
        });

        Assert.Equal(new Dictionary<string, string>
        {
            ["seats"] = "12.50", ["renewal"] = "2027-01-31", ["plan"] = "Pro", ["channels"] = "Chat; Phone",
            ["site"] = "https://engines.example/", ["billing"] = "bills@engines.example", ["mobile"] = "+447700900123",
        }, saved.Attributes);
        Assert.Single((await cluster.ReadEventsAsync(Kit.StreamOf("ada"))).OfType<CustomerAttributesChanged>());
    }

    public static TheoryData<AttributeKind, string, string> BadValues => new()
    {
        { AttributeKind.Number, "twelve", "Value: 'twelve' is not a number (use digits and '.', e.g. 1250.50)." },
        { AttributeKind.Date, "31/01/2027", "Value: '31/01/2027' is not a date (yyyy-MM-dd)." },
        { AttributeKind.Url, "engines.example", "Value: 'engines.example' is not a web address (http:// or https://)." },
        { AttributeKind.Email, "bills.example", "Value: 'bills.example' is not an email address." },
        { AttributeKind.Phone, "7700 900123", "Value: '7700 900123' is not a phone number with its country code (e.g. +44 20 7946 0000)." },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public async Task SaveAsync_ValueNotOfItsKind_RefusedNamingItAndNothingWritten(AttributeKind kind, string value, string reason)
    {
        await DefineAsync("value", kind);

        var refused = await Assert.ThrowsAsync<DomainException>(() => Kit.SaveAsync("ada", "Ada", attributes: new Dictionary<string, string?> { ["value"] = value }));

        Assert.Equal((DomainErrorKind.Invalid, reason), (refused.Kind, refused.Message));
        Assert.Empty(await cluster.ReadEventsAsync(Kit.StreamOf("ada")));
    }

    [Fact]
    public async Task SaveAsync_UndefinedAttributeOrUnknownChoice_Refused()
    {
        await DefineAsync("plan", AttributeKind.Choice, "Free", "Pro");

        var undefined = await Assert.ThrowsAsync<DomainException>(() => Kit.SaveAsync("ada", "Ada", attributes: new Dictionary<string, string?> { ["tier"] = "gold" }));
        var choice = await Assert.ThrowsAsync<DomainException>(() => Kit.SaveAsync("ada", "Ada", attributes: new Dictionary<string, string?> { ["plan"] = "Gold" }));

        Assert.Equal("'tier' is not an attribute this workspace defines.", undefined.Message);
        Assert.Equal("plan: 'Gold' is not one of Free, Pro.", choice.Message);
    }

    [Fact]
    public async Task SaveAsync_CompanyTagsAndActivity_ShowOnTheTimelineNewestFirstFiltered()
    {
        await cluster.Grains.GetGrain<ICompanyGrain>(GrainKeys.Scoped(workspaceId, "engines")).SaveAsync(new SaveCompany("Analytical Engines", "engines.example", null, null, null, CustomerKit.Actor));
        await Kit.SaveAsync("ada", "Ada", "ada@engines.example", companyId: "engines", tags: ["VIP"]);
        cluster.Clock.Advance(TimeSpan.FromMinutes(1));
        await Kit.Customer("ada").LogActivityAsync(new LogActivity("call-1", ActivityKind.Call, "Asked about pricing", CustomerKit.Actor));

        var all = await Kit.Customer("ada").GetTimelineAsync(new TimelineQuery(0, 10, []));
        var activities = await Kit.Customer("ada").GetTimelineAsync(new TimelineQuery(0, 10, [TimelineKinds.Activity]));

        Assert.Equal(("Call", "Asked about pricing"), (all.Entries[0].Title, all.Entries[0].Detail));
        Assert.Equal(4, all.Total);
        Assert.Contains(all.Entries, e => e.Title == "Tags changed" && e.Detail == "+vip");
        Assert.Equal(1, activities.Total);
        var people = await cluster.Grains.GetGrain<ICrmDirectoryGrain>(workspaceId).ListCustomersAsync(new CustomerQuery(CompanyId: "engines"));
        Assert.Equal(["ada"], people.Items.Select(p => p.CustomerId));
    }

    [Fact]
    public async Task SaveAsync_UnknownCompanyOrStaleVersion_Refused()
    {
        var saved = await Kit.SaveAsync("ada", "Ada");
        await Kit.SaveAsync("ada", "Ada Lovelace");

        var company = await Assert.ThrowsAsync<DomainException>(() => Kit.SaveAsync("ada", "Ada", companyId: "nowhere"));
        var stale = await Assert.ThrowsAsync<DomainException>(() => Kit.Customer("ada").SaveAsync(
            new SaveCustomer("Ada", null, null, null, null, null, null, CustomerKit.Actor, saved.Version)));

        Assert.Equal((DomainErrorKind.Invalid, "There is no company 'nowhere' in this workspace."), (company.Kind, company.Message));
        Assert.Equal(DomainErrorKind.Conflict, stale.Kind);
    }

    [Fact]
    public async Task FindDuplicatesAsync_SameEmailPhoneOrSimilarNameAtTheSameDomain_ScoredWithReasons()
    {
        await Kit.SaveAsync("a", "Ada Lovelace", "Ada@Engines.example");
        await Kit.SaveAsync("b", "Grace Hopper", "grace@navy.example", "+1 202 555 0100");
        await Kit.SaveAsync("c", "Lovelace, Ada", "countess@engines.example");
        await Kit.SaveAsync("d", "Ada Lovelace", "ada.l@gmail.com");
        var directory = cluster.Grains.GetGrain<ICrmDirectoryGrain>(workspaceId);

        var byEmail = await directory.FindDuplicatesAsync(new DuplicateProbe(null, "A. L.", "ada@engines.EXAMPLE", null, null));
        var byPhone = await directory.FindDuplicatesAsync(new DuplicateProbe(null, "G", null, "+12025550100", null));
        var queue = await directory.GetSuspectedDuplicatesAsync(10);

        Assert.Equal([("a", 100)], byEmail.Select(m => (m.CustomerId, m.Score)));
        Assert.Equal(["same email ada@engines.example"], byEmail[0].Reasons);
        Assert.Equal([("b", 90)], byPhone.Select(m => (m.CustomerId, m.Score)));
        // Same name at the same (company) domain is suspected; at a free-mail domain alone it is not.
        var pair = Assert.Single(queue);
        Assert.Equal(new[] { "a", "c" }, new[] { pair.CustomerId, pair.Match.CustomerId }.Order());
        Assert.Equal(70, pair.Match.Score);
    }

    [Fact]
    public async Task FindDuplicatesAsync_AfterAnEmailChangeThenATagChange_FindsTheCustomerUnderTheNewEmailOnly()
    {
        await Kit.SaveAsync("a", "Ada Lovelace", "ada@engines.example", "+1 202 555 0101");
        await Kit.SaveAsync("a", "Ada Lovelace", "countess@analytical.example", "+1 202 555 0101");
        await Kit.SaveAsync("a", "Ada Lovelace", "countess@analytical.example", "+1 202 555 0101", tags: ["vip"]); // no key changes
        var directory = cluster.Grains.GetGrain<ICrmDirectoryGrain>(workspaceId);

        Assert.Empty(await directory.FindDuplicatesAsync(new DuplicateProbe(null, "Someone", "ada@engines.example", null, null)));
        Assert.Equal(["a"], (await directory.FindDuplicatesAsync(new DuplicateProbe(null, "Someone", "Countess@Analytical.example", null, null))).Select(m => m.CustomerId));
        Assert.Equal(["a"], (await directory.FindDuplicatesAsync(new DuplicateProbe(null, "Someone", null, "+12025550101", null))).Select(m => m.CustomerId));
    }

    private Task<AttributeSchema> DefineAsync(string key, AttributeKind kind, params string[] options) =>
        Schema.DefineAsync(new DefineAttribute(AttributeTarget.Customer, key, key == "value" ? "Value" : key, kind, options, "user:admin"));
}
