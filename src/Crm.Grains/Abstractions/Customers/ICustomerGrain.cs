using Orleans.Concurrency;

namespace Crm.Grains.Abstractions.Customers;

/// <summary>A customer (contact). Key: "{workspaceId}/{customerId}".</summary>
public interface ICustomerGrain : IGrainWithStringKey
{
    /// <summary>Creates or updates the customer's profile (the widget's and the mail gateway's path: name, email, phone, company name).</summary>
    Task<CustomerDetails> UpsertAsync(UpsertCustomer command);

    /// <summary>
    /// Creates or updates the customer from the console or API: profile, company, owner, tags and custom attributes,
    /// each checked against the workspace's definitions; one event per kind of change, nothing when nothing changed.
    /// Conflict when the record was merged into another, or moved past <see cref="SaveCustomer.ExpectedVersion"/>.
    /// </summary>
    Task<CustomerDetails> SaveAsync(SaveCustomer command);

    /// <summary>Writes a note, call, meeting or email on the timeline.</summary>
    Task<TimelineEntry> LogActivityAsync(LogActivity command);

    /// <summary>Links a conversation to the customer (idempotent).</summary>
    Task LinkConversationAsync(LinkConversation command);

    /// <summary>The customer's conversations, oldest first.</summary>
    Task<IReadOnlyList<string>> GetConversationIdsAsync();

    /// <summary>The customer (with <see cref="CustomerDetails.MergedInto"/> set when merged); NotFound when never created.</summary>
    Task<CustomerDetails> GetDetailsAsync();

    /// <summary>Everything that happened to the customer and around it, newest first, paged and filtered.</summary>
    Task<TimelinePage> GetTimelineAsync(TimelineQuery query);

    /// <summary>
    /// Merges a duplicate into this customer: chooses the surviving values, moves conversations, deals and follow-ups,
    /// keeps both streams whole and leaves the duplicate redirecting here. Refused for itself, another workspace's
    /// record, a record already merged elsewhere, and (as a conflict) when the duplicate changed while merging.
    /// </summary>
    Task<MergeResult> MergeAsync(MergeCustomer command);

    /// <summary>What a merge needs to read of this record, as the duplicate. NotFound when never created.</summary>
    [AlwaysInterleave]
    Task<MergeSnapshot> GetMergeSnapshotAsync();

    /// <summary>Marks this record merged into the survivor; see <see cref="MarkMerged"/>.</summary>
    Task MarkMergedAsync(MarkMerged command);
}
