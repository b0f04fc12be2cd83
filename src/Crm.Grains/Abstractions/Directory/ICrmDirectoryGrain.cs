using Crm.Grains.Abstractions.Companies;
using Crm.Grains.Abstractions.Customers;
using Crm.Grains.Abstractions.Projections;

namespace Crm.Grains.Abstractions.Directory;

/// <summary>
/// The workspace's customers and companies as lists, hierarchy and duplicate index (key: the workspace id). A read
/// model folded from the customer and company streams; every answer includes every write acknowledged before it
/// (<see cref="FindContactsAsync"/> aside).
/// </summary>
public interface ICrmDirectoryGrain : IGrainWithStringKey, IProjectionPartitionGrain
{
    Task<ListPage<CustomerDetails>> ListCustomersAsync(CustomerQuery query);

    Task<ListPage<CompanyDetails>> ListCompaniesAsync(CompanyQuery query);

    /// <summary>The company, then its parent, then that one's, up to the top; empty when the company does not exist.</summary>
    Task<IReadOnlyList<string>> GetCompanyChainAsync(string companyId);

    /// <summary>Records that look like the probe, best first: same email, same phone, similar name at the same company or email domain.</summary>
    Task<IReadOnlyList<DuplicateMatch>> FindDuplicatesAsync(DuplicateProbe probe);

    /// <summary>
    /// The live customers whose email (case-folded) or phone (E.164) is among those given: what a batch of an import
    /// checks its rows against, without holding the workspace's every contact. Unlike the other answers, from what is
    /// folded so far, without catching up first: an import asks once per batch while its own rows stream into the store
    /// (it remembers those itself), and waiting for them to be folded made it wait on the directory every batch. Call
    /// <see cref="CatchUpAsync"/> once before, so every customer stored until then is included.
    /// </summary>
    Task<IReadOnlyList<DuplicateProbe>> FindContactsAsync(IReadOnlyList<string> emails, IReadOnlyList<string> phones);

    /// <summary>Returns once every customer and company event committed before the call is folded.</summary>
    Task CatchUpAsync();

    /// <summary>The review queue: every suspected pair once, best first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<DuplicatePair>> GetSuspectedDuplicatesAsync(int limit);
}
