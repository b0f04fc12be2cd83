using Crm.Grains.Abstractions.Attributes;
using Crm.Grains.Abstractions.Companies;
using Crm.Grains.Abstractions.Customers;
using Crm.Grains.Abstractions.Deals;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.FollowUps;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.LiveFeed;
using Crm.Grains.Abstractions.Time;
using Crm.Grains.Attributes;
using Crm.Grains.Conversations;
using Crm.Grains.Customers.Events;
using Crm.Grains.EventSourcing;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Grains.Customers;

/// <summary>
/// A customer: profile, company, owner, tags, custom attributes, logged activities and conversations. Not reentrant,
/// so a save and a merge never interleave; only the merge snapshot (a read) interleaves, so two records merging at
/// once into each other cannot both wait on the other's snapshot.
/// </summary>
public sealed class CustomerGrain(IEventStore store, [FromKeyedServices(DomainClock.Key)] TimeProvider clock)
    : EventSourcedGrain<CustomerState>(store, clock), ICustomerGrain
{
    private const int MaxTags = 50;

    private (string WorkspaceId, string CustomerId) Key => GrainKeys.Parse(this.GetPrimaryKeyString());

    protected override string StreamId => StreamIds.For(StreamIds.CustomerCategory, Key.WorkspaceId, Key.CustomerId);

    public async Task<CustomerDetails> UpsertAsync(UpsertCustomer command)
    {
        RequireNotMerged();
        var valid = command.Validated();
        var upserted = new CustomerUpserted(valid.Name, valid.Email, valid.Phone, valid.CompanyName);
        if (State.Profile is not { } p || p with { At = default, By = "" } != upserted)
            await RaiseAndAnnounceAsync(command.Actor, [upserted]);
        return Details();
    }

    public async Task<CustomerDetails> SaveAsync(SaveCustomer command)
    {
        RequireNotMerged();
        if (command.ExpectedVersion is { } expected && expected != Version)
            throw new DomainException(DomainErrorKind.Conflict, "This customer was changed since you opened it; nothing was saved. Reload and try again.");
        var profile = new CustomerProfile(command.Name, command.Email, command.Phone, command.CompanyName ?? State.Profile?.CompanyName,
            command.CompanyId, command.OwnerId, command.Tags, command.Attributes);
        var events = await ChangesAsync(profile, lenientPhone: false);
        if (events.Count > 0) await RaiseAndAnnounceAsync(command.Actor, events);
        return Details();
    }

    public async Task<TimelineEntry> LogActivityAsync(LogActivity command)
    {
        RequireExists();
        RequireNotMerged();
        var id = Ids.Require(command.ActivityId, "activity");
        if (!Enum.IsDefined(command.Kind)) throw new DomainException(DomainErrorKind.Invalid, $"Unknown activity kind {(int)command.Kind}.");
        var text = command.Text?.Trim() ?? "";
        if (text.Length is 0 or > 10_000) throw new DomainException(DomainErrorKind.Invalid, "An activity needs a text of 1–10,000 characters.");
        if (!State.ActivityIds.Contains(id)) await RaiseAndAnnounceAsync(command.Actor, [new CustomerActivityLogged(id, command.Kind, text)]);
        var entries = await CustomerTimeline.ReadStreamAsync(Store, StreamId);
        return entries.Last(e => e.Kind == TimelineKinds.Activity && e.RefId == id);
    }

    public async Task LinkConversationAsync(LinkConversation command)
    {
        var conversationId = Ids.Require(command.ConversationId, "conversation");
        if (!State.ConversationIds.Contains(conversationId))
            await RaiseAsync(command.Actor, new CustomerConversationLinked(conversationId));
    }

    public Task<IReadOnlyList<string>> GetConversationIdsAsync() =>
        Task.FromResult<IReadOnlyList<string>>(State.ConversationIds.ToList());

    public Task<CustomerDetails> GetDetailsAsync()
    {
        RequireExists();
        return Task.FromResult(Details());
    }

    public async Task<TimelinePage> GetTimelineAsync(TimelineQuery query)
    {
        RequireExists();
        if (query.Limit is < 1 or > 200 || query.Offset < 0)
            throw new DomainException(DomainErrorKind.Invalid, "A timeline page has 1–200 entries from an offset of 0 or more.");
        var unknown = query.Kinds.Except(TimelineKinds.All).ToList();
        if (unknown.Count > 0)
            throw new DomainException(DomainErrorKind.Invalid, $"Unknown timeline kind '{unknown[0]}'; use {string.Join(", ", TimelineKinds.All)}.");
        var entries = await new CustomerTimeline(Store, GrainFactory, Key.WorkspaceId).CollectAsync(Key.CustomerId, State);
        var matching = entries.Where(e => query.Kinds.Count == 0 || query.Kinds.Contains(e.Kind))
            .OrderByDescending(e => e.At).ToList();
        return new TimelinePage(matching.Skip(query.Offset).Take(query.Limit).ToList(), matching.Count);
    }

    public async Task<MergeResult> MergeAsync(MergeCustomer command)
    {
        RequireExists();
        RequireNotMerged();
        if (command.DuplicateWorkspaceId != Key.WorkspaceId)
            throw new DomainException(DomainErrorKind.Forbidden, "Records of two workspaces cannot be merged.");
        var duplicateId = Ids.Require(command.DuplicateId, "duplicate customer");
        if (duplicateId == Key.CustomerId) throw new DomainException(DomainErrorKind.Invalid, "A customer cannot be merged with itself.");
        var duplicate = GrainFactory.GetGrain<ICustomerGrain>(GrainKeys.Scoped(Key.WorkspaceId, duplicateId));
        var moved = 0;
        if (!State.MergedIds.Contains(duplicateId))
        {
            var snapshot = await duplicate.GetMergeSnapshotAsync();
            if (snapshot.Details.MergedInto is { } into && into != Key.CustomerId)
                throw new DomainException(DomainErrorKind.Conflict, $"That customer was already merged into {into}; merge with that one instead.");
            var (profile, chosen) = MergeChoices.Choose(Details(), snapshot.Details, command.Keep);
            // The duplicate first, on the version just read: an update that slipped in since is refused here, before
            // anything of the merge is written, and nothing is lost. A failure after it is finished by a retry.
            await duplicate.MarkMergedAsync(new MarkMerged(Key.CustomerId, snapshot.Details.Version, command.Actor));
            var events = await ChangesAsync(profile, lenientPhone: true);
            var conversations = snapshot.ConversationIds.Where(id => !State.ConversationIds.Contains(id)).ToList();
            moved = conversations.Count;
            events.Add(new CustomerMerged(duplicateId, snapshot.Details.Version, conversations, chosen));
            await RaiseAndAnnounceAsync(command.Actor, events);
        }
        var deals = await GrainFactory.GetGrain<IDealBoardGrain>(Key.WorkspaceId).ListAsync(DealQuery.ForContact(duplicateId));
        foreach (var deal in deals)
            await GrainFactory.GetGrain<IDealGrain>(GrainKeys.Scoped(Key.WorkspaceId, deal.DealId))
                .ReplaceContactAsync(new ReplaceDealContact(duplicateId, Key.CustomerId, command.Actor));
        var followUps = await GrainFactory.GetGrain<IFollowUpListGrain>(Key.WorkspaceId).ListAsync(FollowUpQuery.ForCustomer(duplicateId));
        foreach (var followUp in followUps)
            await GrainFactory.GetGrain<IFollowUpGrain>(GrainKeys.Scoped(Key.WorkspaceId, followUp.FollowUpId))
                .RelinkAsync(new RelinkFollowUp(duplicateId, Key.CustomerId, command.Actor));
        return new MergeResult(Details(), moved, deals.Count, followUps.Count);
    }

    public Task<MergeSnapshot> GetMergeSnapshotAsync()
    {
        RequireExists();
        return Task.FromResult(new MergeSnapshot(Details(), State.ConversationIds.ToList()));
    }

    public async Task MarkMergedAsync(MarkMerged command)
    {
        RequireExists();
        if (State.MergedInto == command.SurvivorId) return;
        RequireNotMerged();
        if (command.ExpectedVersion != Version)
            throw new DomainException(DomainErrorKind.Conflict, "The duplicate was changed while it was being merged; nothing was merged. Review it and merge again.");
        await RaiseAndAnnounceAsync(command.Actor, [new CustomerMergedInto(Ids.Require(command.SurvivorId, "surviving customer"))]);
    }

    /// <summary>The events that turn the stored customer into <paramref name="wanted"/>: none for what already matches.</summary>
    private async Task<List<DomainEvent>> ChangesAsync(CustomerProfile wanted, bool lenientPhone)
    {
        var events = new List<DomainEvent>();
        var email = Optional(wanted.Email, "email");
        if (email is not null)
            email = ContactFormats.Email(email) ?? throw new DomainException(DomainErrorKind.Invalid, $"'{email}' is not an email address.");
        var phone = Optional(wanted.Phone, "phone");
        if (phone is not null && phone != State.Profile?.Phone)
            phone = ContactFormats.Phone(phone) ?? (lenientPhone ? phone : throw new DomainException(DomainErrorKind.Invalid,
                $"'{phone}' is not a phone number with its country code (e.g. +44 20 7946 0000)."));
        var upserted = new CustomerUpserted(Required(wanted.Name, "name"), email, phone, wanted.CompanyName);
        if (State.Profile is not { } p || p with { At = default, By = "" } != upserted) events.Add(upserted);

        var companyId = wanted.CompanyId is null ? null : Ids.Require(wanted.CompanyId, "company");
        if (companyId != State.CompanyId)
        {
            if (companyId is not null) await RequireCompanyAsync(companyId);
            events.Add(new CustomerCompanyChanged(companyId));
        }
        var ownerId = wanted.OwnerId is null ? null : Ids.Require(wanted.OwnerId, "owner");
        if (ownerId != State.OwnerId) events.Add(new CustomerOwnerChanged(ownerId));

        if (wanted.Tags is { } tags)
        {
            var normalized = tags.Select(ConversationRules.NormalizeLabel).ToHashSet(StringComparer.Ordinal);
            if (normalized.Count > MaxTags) throw new DomainException(DomainErrorKind.Invalid, $"A customer can carry at most {MaxTags} tags.");
            var added = normalized.Except(State.Tags).Order(StringComparer.Ordinal).ToList();
            var removed = State.Tags.Except(normalized).ToList();
            if (added.Count + removed.Count > 0) events.Add(new CustomerTagsChanged(added, removed));
        }

        if (wanted.Attributes is { Count: > 0 } values)
        {
            var definitions = (await GrainFactory.GetGrain<IAttributeSchemaGrain>(Key.WorkspaceId).GetAsync()).For(AttributeTarget.Customer);
            // A merge carries over only what the workspace still defines; a save is refused for anything else.
            if (lenientPhone) values = values.Where(v => definitions.Any(d => d.Key == v.Key)).ToDictionary();
            var (set, removed) = AttributeRules.Changes(definitions, State.Attributes, values);
            if (set.Count + removed.Count > 0) events.Add(new CustomerAttributesChanged(set, removed));
        }
        return events;
    }

    private async Task RequireCompanyAsync(string companyId)
    {
        try
        {
            await GrainFactory.GetGrain<ICompanyGrain>(GrainKeys.Scoped(Key.WorkspaceId, companyId)).GetDetailsAsync();
        }
        catch (DomainException ex) when (ex.Kind == DomainErrorKind.NotFound)
        {
            throw new DomainException(DomainErrorKind.Invalid, $"There is no company '{companyId}' in this workspace.");
        }
    }

    private async Task RaiseAndAnnounceAsync(string actor, IReadOnlyList<DomainEvent> events)
    {
        await RaiseAsync(actor, [.. events]);
        // One-way, after the commit: open customer pages refresh their timeline.
        _ = GrainFactory.GetGrain<ILiveFeedPublisherGrain>(0).PublishAsync([new CustomerFeedItem(Details())]);
    }

    private void RequireExists()
    {
        if (State.Profile is null) throw new DomainException(DomainErrorKind.NotFound, "This customer does not exist.");
    }

    private void RequireNotMerged()
    {
        if (State.MergedInto is { } survivor)
            throw new DomainException(DomainErrorKind.Conflict, $"This customer was merged into {survivor}; change that one instead.");
    }

    private CustomerDetails Details() => State.ToDetails(Key.WorkspaceId, Key.CustomerId, Version);

    private static string? Optional(string? value, string what) => UpsertCustomer.Optional(value, what);

    private static string Required(string? value, string what) =>
        Optional(value, what) ?? throw new DomainException(DomainErrorKind.Invalid, $"A customer needs a {what}.");
}
