using Crm.Grains.Abstractions.Companies;
using Crm.Grains.Abstractions.Customers;
using Crm.Grains.Abstractions.Directory;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Companies;
using Crm.Grains.Customers;
using Crm.Grains.EventSourcing;
using Crm.Grains.Projections;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Grains.Directory;

/// <summary>
/// One per workspace ("directory/{workspace}"): folds its customer and company streams (with the same state classes
/// their grains fold) into lists, the company tree and duplicate checks; a projection on the runner. Customers live in
/// the <see cref="ICustomerTable"/>, not in memory: a workspace of a million held about a gigabyte here. A page of
/// events is folded into the rows it touches (read in one query), which are written back in one transaction before the
/// page counts as applied; a row records the last event in it, so events replayed after a crash are not folded twice.
/// Companies, a few per customer at most, stay in memory and in the snapshot. Not reentrant: each answer first catches
/// up to the store's head.
/// </summary>
public sealed class CrmDirectoryGrain : ProjectionGrain<DirectorySnapshot>, ICrmDirectoryGrain
{
    // Candidates a duplicate check scores at most (a company or a domain can hold thousands of people), and what the
    // review queue reads: groups of at most 200 sharing a key, 20,000 rows in all.
    private const int CandidateLimit = 1_000;
    private const int GroupSize = 200;
    private const int ReviewRows = 20_000;

    private Dictionary<string, CompanyState> _companies = new(StringComparer.Ordinal);
    // The customers the current page folds into, as read from the table (or new), until they are written back.
    private readonly Dictionary<string, PendingCustomer> _pending = new(StringComparer.Ordinal);
    private ICustomerTable _table = null!;
    private string _foldId = "";
    // The position the table is marked folded to (see ICustomerTable.MarkFoldedAsync).
    private long _markedAt;
    private CustomerRows _rows = null!;

    protected override string Kind => ProjectionKinds.Directory;

    protected override int SnapshotSchema => 2;

    protected override EventFilter Filter => EventFilter.ForCategories(WorkspaceId, StreamIds.CustomerCategory, StreamIds.CompanyCategory);

    protected override bool WokenByCommits => false;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _table = ServiceProvider.GetRequiredService<ICustomerTable>();
        _rows = ActivatorUtilities.CreateInstance<CustomerRows>(ServiceProvider);
        return base.OnActivateAsync(cancellationToken);
    }

    public async Task<ListPage<CustomerDetails>> ListCustomersAsync(CustomerQuery query)
    {
        RequirePage(query.Offset, query.Limit);
        var (sort, descending) = (query.Sort ?? "name") switch
        {
            "name" => (CustomerSort.Name, false),
            "-name" => (CustomerSort.Name, true),
            "created" => (CustomerSort.Created, false),
            "-created" => (CustomerSort.Created, true),
            "updated" => (CustomerSort.Updated, false),
            "-updated" => (CustomerSort.Updated, true),
            var other => throw new DomainException(DomainErrorKind.Invalid, $"Unknown sort '{other}'; use name, created or updated, with '-' for descending."),
        };
        await CatchUpAsync();
        var page = await _table.ListAsync(WorkspaceId, new CustomerTableQuery(
            query.Text?.Trim().ToLowerInvariant(), query.OwnerId, query.Tag?.Trim().ToLowerInvariant(), query.CompanyId,
            sort, descending, query.Offset, query.Limit));
        // Only the page's rows become details: their folds are read back from the rows' data.
        var items = page.Rows.Select(ToDetails).ToList();
        return new ListPage<CustomerDetails>(items, page.Total);
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
        var keys = DuplicateRules.Keys(probe.Name, probe.Email, probe.Phone);
        var candidates = await _table.FindByKeysAsync(WorkspaceId, new CustomerKeys(keys.Email, keys.Phone, keys.Domain, probe.CompanyId), CandidateLimit);
        return candidates.Where(c => c.CustomerId != probe.CustomerId)
            .Select(c => DuplicateRules.Match(probe, c.CustomerId, c.Name, c.Email, c.Phone, c.CompanyId))
            .OfType<DuplicateMatch>()
            .OrderByDescending(m => m.Score)
            .ThenBy(m => m.CustomerId, StringComparer.Ordinal)
            .ToList();
    }

    Task ICrmDirectoryGrain.CatchUpAsync() => CatchUpAsync();

    public async Task<IReadOnlyList<DuplicateProbe>> FindContactsAsync(IReadOnlyList<string> emails, IReadOnlyList<string> phones)
    {
        var emailKeys = emails.Select(ContactFormats.EmailKey).ToHashSet(StringComparer.Ordinal);
        var phoneKeys = phones.Select(p => ContactFormats.Phone(p) ?? p).ToHashSet(StringComparer.Ordinal);
        var found = await _table.FindByContactsAsync(WorkspaceId, emailKeys, phoneKeys);
        // Oldest first: of two stored customers sharing a key, the import matches the one created first, as a
        // directory in memory (in creation order) did.
        return found.OrderBy(c => c.CreatedAt).ThenBy(c => c.CustomerId, StringComparer.Ordinal)
            .Select(c => new DuplicateProbe(c.CustomerId, c.Name, c.Email, c.Phone, c.CompanyId)).ToList();
    }

    public async Task<IReadOnlyList<DuplicatePair>> GetSuspectedDuplicatesAsync(int limit)
    {
        RequirePage(0, limit);
        await CatchUpAsync();
        var seen = new HashSet<(string, string)>();
        var pairs = new List<DuplicatePair>();
        // Two customers are candidates exactly when they share a key, so each group is scored within itself.
        foreach (var group in await _table.CrowdedAsync(WorkspaceId, GroupSize, ReviewRows))
        for (var i = 0; i < group.Count; i++)
        for (var j = i + 1; j < group.Count; j++)
        {
            var (a, b) = (group[i], group[j]);
            var key = string.CompareOrdinal(a.CustomerId, b.CustomerId) < 0 ? (a.CustomerId, b.CustomerId) : (b.CustomerId, a.CustomerId);
            if (seen.Contains(key)) continue;
            if (DuplicateRules.Match(new DuplicateProbe(a.CustomerId, a.Name, a.Email, a.Phone, a.CompanyId), b.CustomerId, b.Name, b.Email, b.Phone, b.CompanyId) is not { } match) continue;
            seen.Add(key);
            pairs.Add(new DuplicatePair(a.CustomerId, a.Name, match));
        }
        return pairs.OrderByDescending(p => p.Match.Score).ThenBy(p => p.Name, StringComparer.OrdinalIgnoreCase).Take(limit).ToList();
    }

    protected override DirectorySnapshot TakeSnapshot() => new(_companies, _foldId);

    /// <summary>
    /// A snapshot is only as good as the rows it checkpoints: a table deleted, restored from another fold's backup, or
    /// from an older backup of this fold (marked folded to less than the snapshot's checkpoint) means a new fold.
    /// </summary>
    protected override async Task<bool> MatchesAsync(DirectorySnapshot snapshot, long position)
    {
        if (await _table.GetFoldAsync(WorkspaceId) is not { } fold || fold.FoldId != snapshot.FoldId || fold.Position < position) return false;
        _markedAt = fold.Position;
        return true;
    }

    protected override void Restore(DirectorySnapshot snapshot) => (_companies, _foldId) = (snapshot.Companies, snapshot.FoldId);

    /// <summary>No snapshot: the fold starts from the first event, so the rows of an earlier fold go.</summary>
    protected override async Task StartEmptyAsync()
    {
        _pending.Clear();
        (_foldId, _markedAt) = (Guid.NewGuid().ToString("N"), 0);
        await _table.ClearAsync(WorkspaceId, _foldId);
    }

    protected override async Task OnPageReadAsync(IReadOnlyList<StoredEvent> events)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var stored in events)
            if (StreamIds.Parse(stored.StreamId) is { Category: StreamIds.CustomerCategory } stream && !_pending.ContainsKey(stream.Id))
                ids.Add(stream.Id);
        await LoadAsync(ids);
    }

    protected override async Task ApplyAsync(StoredEvent stored)
    {
        if (StreamIds.Parse(stored.StreamId) is not { } stream) return;
        if (stream.Category == StreamIds.CompanyCategory)
        {
            EntityFold.Apply(_companies, stored);
            return;
        }
        if (!_pending.ContainsKey(stream.Id)) await LoadAsync([stream.Id]);
        var customer = _pending[stream.Id];
        // Already in the row: written before a crash that came before the snapshot did.
        if (stored.Position <= customer.Position || !EventSerializer.IsKnown(stored.Type)) return;
        customer.State.Apply(EventSerializer.Deserialize(stored));
        (customer.Position, customer.Dirty) = (stored.Position, true);
    }

    protected override Task OnPageAppliedAsync(bool caughtUp) => WriteRowsAsync();

    /// <summary>Before a snapshot: the rows, then the mark that they hold every event up to its checkpoint.</summary>
    protected override async Task FlushAsync()
    {
        await WriteRowsAsync();
        if (Checkpoint <= _markedAt) return;
        await _table.MarkFoldedAsync(WorkspaceId, Checkpoint);
        _markedAt = Checkpoint;
    }

    private async Task WriteRowsAsync()
    {
        var rows = _pending.Where(p => p.Value.Dirty).Select(p => _rows.ToRow(p.Key, p.Value.State, p.Value.Position)).ToList();
        await _table.WriteAsync(WorkspaceId, rows);
        _pending.Clear();
    }

    private async Task LoadAsync(IReadOnlyCollection<string> ids)
    {
        if (ids.Count == 0) return;
        foreach (var row in await _table.GetAsync(WorkspaceId, ids))
            _pending[row.CustomerId] = new PendingCustomer(_rows.StateOf(row), row.Position);
        foreach (var id in ids) _pending.TryAdd(id, new PendingCustomer(new CustomerState(), 0));
    }

    private CustomerDetails ToDetails(CustomerRow row)
    {
        var state = _rows.StateOf(row);
        return state.ToDetails(WorkspaceId, row.CustomerId, state.Version);
    }

    private static bool Contains(string? value, string text) => value?.Contains(text, StringComparison.OrdinalIgnoreCase) == true;

    private static void RequirePage(int offset, int limit)
    {
        if (offset < 0 || limit is < 1 or > 1_000)
            throw new DomainException(DomainErrorKind.Invalid, "A page starts at an offset of 0 or more and holds 1–1,000 rows.");
    }

    /// <summary>A customer being folded: its state, the last event in it, and whether the table is behind it.</summary>
    private sealed class PendingCustomer(CustomerState state, long position)
    {
        public CustomerState State { get; } = state;

        public long Position { get; set; } = position;

        public bool Dirty { get; set; }
    }
}
