using Crm.Grains.Abstractions.Companies;
using Crm.Grains.Abstractions.Customers;
using Crm.Grains.Abstractions.Directory;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Companies;
using Crm.Grains.Customers;
using Crm.Grains.Customers.Events;
using Crm.Grains.EventSourcing;
using Crm.Grains.Projections;

namespace Crm.Grains.Directory;

/// <summary>
/// One per workspace ("directory/{workspace}"): folds its customer and company streams (with the same state classes
/// their grains fold) into lists, the company tree and the duplicate index; a projection on the runner (snapshot plus
/// tail on activation; the duplicate index is rebuilt from the snapshot). Not reentrant: each answer first catches up to
/// the store's head.
/// </summary>
public sealed class CrmDirectoryGrain : ProjectionGrain<DirectorySnapshot>, ICrmDirectoryGrain
{
    private Dictionary<string, CustomerState> _customers = new(StringComparer.Ordinal);
    private Dictionary<string, CompanyState> _companies = new(StringComparer.Ordinal);
    private DuplicateIndex _duplicates = new();
    private SharedStrings _shared = new();

    protected override string Kind => ProjectionKinds.Directory;

    protected override int SnapshotSchema => 1;

    protected override EventFilter Filter => EventFilter.ForCategories(WorkspaceId, StreamIds.CustomerCategory, StreamIds.CompanyCategory);

    protected override bool WokenByCommits => false;

    public async Task<ListPage<CustomerDetails>> ListCustomersAsync(CustomerQuery query)
    {
        RequirePage(query.Offset, query.Limit);
        await CatchUpAsync();
        var text = query.Text?.Trim();
        var tag = query.Tag?.Trim().ToLowerInvariant();
        // Filtered and ordered on the folded states; only the page's rows become details (a list of a million
        // customers built a million detail records, tags and attribute copies included, to show fifty).
        var rows = _customers.Where(c => c.Value is { Profile: not null, MergedInto: null })
            .Where(c => query.OwnerId is null || c.Value.OwnerId == query.OwnerId)
            .Where(c => tag is null || c.Value.Tags.Contains(tag))
            .Where(c => query.CompanyId is null || c.Value.CompanyId == query.CompanyId)
            .Where(c => string.IsNullOrEmpty(text) || Contains(c.Value.Profile!.Name, text) || Contains(c.Value.Profile.Email, text) || Contains(c.Value.Profile.Phone, text));
        rows = (query.Sort ?? "name") switch
        {
            "name" => rows.OrderBy(c => c.Value.Profile!.Name, StringComparer.OrdinalIgnoreCase),
            "-name" => rows.OrderByDescending(c => c.Value.Profile!.Name, StringComparer.OrdinalIgnoreCase),
            "created" => rows.OrderBy(c => c.Value.CreatedAt),
            "-created" => rows.OrderByDescending(c => c.Value.CreatedAt),
            "updated" => rows.OrderBy(c => c.Value.UpdatedAt),
            "-updated" => rows.OrderByDescending(c => c.Value.UpdatedAt),
            var other => throw new DomainException(DomainErrorKind.Invalid, $"Unknown sort '{other}'; use name, created or updated, with '-' for descending."),
        };
        var all = rows.ToList();
        var page = all.Skip(query.Offset).Take(query.Limit).Select(c => c.Value.ToDetails(WorkspaceId, c.Key, c.Value.Version)).ToList();
        return new ListPage<CustomerDetails>(page, all.Count);
    }

    public async Task<ListPage<CompanyDetails>> ListCompaniesAsync(CompanyQuery query)
    {
        RequirePage(query.Offset, query.Limit);
        await CatchUpAsync();
        var text = query.Text?.Trim();
        var rows = _companies.Where(c => c.Value.Profile is not null)
            .Where(c => query.ParentId is null || c.Value.ParentId == query.ParentId)
            .Where(c => string.IsNullOrEmpty(text) || Contains(c.Value.Profile!.Name, text) || Contains(c.Value.Profile.Domain, text))
            .Select(c => c.Value.ToDetails(WorkspaceId, c.Key))
            .Where(c => query.OwnerId is null || c.OwnerId == query.OwnerId);
        var all = CompanyOrder.Sort(rows, query.Sort).ToList();
        return new ListPage<CompanyDetails>(all.Skip(query.Offset).Take(query.Limit).ToList(), all.Count);
    }

    public async Task<IReadOnlyList<string>> GetCompanyChainAsync(string companyId)
    {
        await CatchUpAsync();
        var chain = new List<string>();
        // A stored cycle cannot arise through CompanyGrain, but the walk is bounded all the same.
        for (var id = companyId; id is not null && !chain.Contains(id) && _companies.TryGetValue(id, out var company) && company.Profile is not null; id = company.ParentId)
            chain.Add(id);
        return chain;
    }

    public async Task<IReadOnlyList<DuplicateMatch>> FindDuplicatesAsync(DuplicateProbe probe)
    {
        await CatchUpAsync();
        return Matches(probe).ToList();
    }

    public async Task<IReadOnlyList<DuplicateProbe>> GetContactsAsync()
    {
        await CatchUpAsync();
        return _customers.Where(c => c.Value is { Profile: not null, MergedInto: null })
            .Select(c => new DuplicateProbe(c.Key, c.Value.Profile!.Name, c.Value.Profile.Email, c.Value.Profile.Phone, c.Value.CompanyId))
            .ToList();
    }

    public async Task<IReadOnlyList<DuplicatePair>> GetSuspectedDuplicatesAsync(int limit)
    {
        RequirePage(0, limit);
        await CatchUpAsync();
        var seen = new HashSet<(string, string)>();
        var pairs = new List<DuplicatePair>();
        foreach (var group in _duplicates.CrowdedKeys())
        foreach (var id in group.Take(200))
        {
            var c = _customers[id];
            foreach (var match in Matches(new DuplicateProbe(id, c.Profile!.Name, c.Profile.Email, c.Profile.Phone, c.CompanyId)))
            {
                var key = string.CompareOrdinal(id, match.CustomerId) < 0 ? (id, match.CustomerId) : (match.CustomerId, id);
                if (seen.Add(key)) pairs.Add(new DuplicatePair(id, c.Profile.Name, match));
            }
        }
        return pairs.OrderByDescending(p => p.Match.Score).ThenBy(p => p.Name, StringComparer.OrdinalIgnoreCase).Take(limit).ToList();
    }

    private IEnumerable<DuplicateMatch> Matches(DuplicateProbe probe) =>
        _duplicates.Candidates(probe)
            .Select(id => (Id: id, State: _customers[id]))
            .Select(c => DuplicateRules.Match(probe, c.Id, c.State.Profile!.Name, c.State.Profile.Email, c.State.Profile.Phone, c.State.CompanyId))
            .OfType<DuplicateMatch>()
            .OrderByDescending(m => m.Score);

    protected override DirectorySnapshot TakeSnapshot() => new(_customers, _companies);

    protected override void Restore(DirectorySnapshot snapshot)
    {
        (_customers, _companies, _duplicates, _shared) = (snapshot.Customers, snapshot.Companies, new DuplicateIndex(), new SharedStrings());
        foreach (var (id, customer) in _customers)
        {
            customer.ShareStrings(_shared.Share);
            _duplicates.Move(id, DuplicateKeys.None, KeysOf(customer));
        }
    }

    protected override Task ApplyAsync(StoredEvent stored)
    {
        if (StreamIds.Parse(stored.StreamId) is not { } stream) return Task.CompletedTask;
        if (stream.Category == StreamIds.CompanyCategory) EntityFold.Apply(_companies, stored);
        else
        {
            // What the customer was filed under, by the parts its keys come from: most events (tags, owner,
            // conversations, activities) change none of them, and then nothing is hashed again. The index holds only
            // if nothing between the fold and the move throws (the keys are trims, case folds and slices), since it
            // no longer keeps each customer's keys to put itself right on the next event.
            var before = _customers.GetValueOrDefault(stream.Id) is { } known ? (known.Profile, known.CompanyId, known.MergedInto) : default;
            if (EntityFold.Apply(_customers, stored, stream.Id) is not { } customer) return Task.CompletedTask;
            if (!ReferenceEquals(customer.Profile, before.Profile)) customer.ShareStrings(_shared.Share);
            if ((customer.Profile, customer.CompanyId, customer.MergedInto) != before)
                _duplicates.Move(stream.Id, KeysOf(before.Profile, before.CompanyId, before.MergedInto), KeysOf(customer));
        }
        return Task.CompletedTask;
    }

    private static DuplicateKeys KeysOf(CustomerState customer) => KeysOf(customer.Profile, customer.CompanyId, customer.MergedInto);

    private static DuplicateKeys KeysOf(CustomerUpserted? profile, string? companyId, string? mergedInto) =>
        profile is not null && mergedInto is null ? DuplicateKeys.Of(profile.Name, profile.Email, profile.Phone, companyId) : DuplicateKeys.None;

    private static bool Contains(string? value, string text) => value?.Contains(text, StringComparison.OrdinalIgnoreCase) == true;

    private static void RequirePage(int offset, int limit)
    {
        if (offset < 0 || limit is < 1 or > 1_000)
            throw new DomainException(DomainErrorKind.Invalid, "A page starts at an offset of 0 or more and holds 1–1,000 rows.");
    }
}
