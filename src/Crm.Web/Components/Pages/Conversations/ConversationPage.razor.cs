using Crm.Web.Components.Panes;
using Crm.Web.Security.Authorization;
using Crm.Grains.Abstractions.Attachments;
using Crm.Grains.Abstractions.CannedResponses;
using Microsoft.AspNetCore.Components.Forms;
using Crm.Grains.Abstractions.Collaboration;
using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.LiveFeed;
using Crm.Web.Components.Conversations;
using Crm.Web.Components.Inbox;
using Crm.Web.Identity;
using Crm.Web.LiveFeed;
using Crm.Web.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Crm.Web.Components.Pages.Conversations;

/// <summary>
/// A live thread. Messages are keyed by sequence number: a repeated push is dropped, and a push that skips a number
/// triggers a gap-fill from the grain, so the thread is always the committed sequence with no holes or doubles.
/// </summary>
public sealed partial class ConversationPage
{
    private readonly SortedDictionary<long, MessageDetails> _messages = [];
    private readonly SemaphoreSlim _gapFill = new(1, 1);
    private readonly CoalescedRefresh _gapFills;
    private readonly CoalescedRefresh _markRead;
    private readonly CoalescedRefresh _detailsRefresh;
    private WorkspaceUser? _user;
    private ConversationDetails? _details;
    private IDisposable? _subscription;
    private IReadOnlyList<AgentSummary> _agents = [];
    private readonly string _sessionId = Guid.NewGuid().ToString("n");
    private readonly CancellationTokenSource _closing = new();
    private ConversationPresence? _presence;
    private CustomerProfile? _customer;
    private IReadOnlyList<CannedResponse> _canned = [];
    private string? _presenceFor;
    private string? _error;
    private string? _actionError;
    private ReplyBox? _replyBox;
    private InboxList? _list;
    private ThreePanes? _panes;

    /// <summary>j / k: the next or previous conversation of the list beside the thread; the list itself stays.</summary>
    private Task MoveAsync(int step)
    {
        if (_list?.Neighbour(ConversationId, step) is { } next && next != ConversationId) Navigation.NavigateTo($"conversations/{next}");
        return Task.CompletedTask;
    }

    public ConversationPage()
    {
        _gapFills = new(async () =>
        {
            await GapFillAsync();
            StateHasChanged();
        });
        _markRead = new(MarkReadAsync);
        _detailsRefresh = new(RefreshDetailsAsync);
    }

    [Parameter] public string ConversationId { get; set; } = "";

    /// <summary>?monitor=1: a supervisor watches silently (no composer, no read receipts, no presence) and may whisper.</summary>
    [SupplyParameterFromQuery(Name = "monitor")] public int? Monitor { get; set; }

    [Inject] private ConversationService Conversations { get; set; } = default!;

    [Inject] private AgentDirectory Directory { get; set; } = default!;

    [Inject] private PresenceService Presence { get; set; } = default!;

    [Inject] private CustomerService Customers { get; set; } = default!;

    [Inject] private CannedResponseService CannedResponses { get; set; } = default!;

    [Inject] private AttachmentService Attachments { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <summary>The last sequence number received, shown or not: whispers hidden from this user still count.</summary>
    private long _lastSeq;

    private long LastSeq => _lastSeq;

    private bool Monitoring => Monitor == 1 && _user?.May(CrmPolicies.Supervise) == true;

    /// <summary>Which load of the page is current: one the page outgrew (closed, or another conversation opened) stops at its next step.</summary>
    private int _load;

    private bool Outgrown(int load) => load != _load || _closing.IsCancellationRequested;

    protected override async Task OnParametersSetAsync()
    {
        var load = ++_load;
        await LeaveAsync();
        // A newer load (j pressed twice) or the page closing took over while this one left the last thread: the page's
        // fields are theirs now, so this one touches nothing, not even to reset them.
        if (Outgrown(load)) return;
        _subscription?.Dispose();
        _subscription = null;
        _messages.Clear();
        _lastSeq = 0;
        _details = null;
        _presence = null;
        _error = null;
        var user = WorkspaceUser.From((await AuthenticationState).User);
        // A page closed while this load waited must not subscribe: nothing would ever unsubscribe it, and a thread
        // nobody sees would go on marking the customer's new messages read (the inbox row never turning unread).
        if (Outgrown(load)) return;
        _user = user;
        if (_user is null)
        {
            _error = "Your account is not linked to a workspace.";
            return;
        }
        try
        {
            _subscription = Conversations.Subscribe(_user, OnFeedItemAsync, () => InvokeAsync(CatchUpAsync));
            // Read into locals and kept only if this load is still the page's: another conversation's customer or
            // details must never land on the one now open.
            var details = await Conversations.GetDetailsAsync(_user, ConversationId);
            var agents = await Directory.ListAsync(_user.WorkspaceId);
            var customer = await Customers.GetProfileAsync(_user, details.CustomerId);
            var canned = await CannedResponses.ListAsync(_user);
            if (Outgrown(load)) return;
            (_details, _agents, _customer, _canned) = (details, agents, customer, canned);
            // The thread first: marking read looks for the last customer message among the messages on screen.
            await GapFillAsync();
            if (Monitoring || Outgrown(load)) return;
            await MarkReadAsync();
            // Closed meanwhile: the page already left, and a heartbeat now would show the agent on it for a lease.
            if (Outgrown(load)) return;
            _presenceFor = ConversationId;
            var presence = await Presence.HeartbeatAsync(_user.WorkspaceId, ConversationId, Participant);
            if (Outgrown(load)) return;
            _presence = presence;
            _heartbeats ??= HeartbeatLoopAsync();
        }
        catch (DomainException ex)
        {
            if (!Outgrown(load)) _error = ex.Message;
        }
    }

    /// <summary>
    /// Applies the item on the circuit and returns: what it asks of grains (a gap-fill, the read mark, fresh details)
    /// is requested to run after, outside delivery, so a slow grain call never holds up this page's next item.
    /// </summary>
    private Task OnFeedItemAsync(LiveFeedItem item) => item switch
    {
        MessageFeedItem m when m.Message.ConversationId == ConversationId => InvokeAsync(() =>
        {
            if (m.Message.Seq == LastSeq + 1) Add(m.Message);
            else if (m.Message.Seq > LastSeq) _gapFills.Request();
            _presence = _presence?.AfterMessage(m.Message);
            StateHasChanged();
            _markRead.Request();
        }),
        PresenceFeedItem p when p.Presence.ConversationId == ConversationId => InvokeAsync(() =>
        {
            if (_presence is null || p.Presence.Version > _presence.Version) _presence = p.Presence;
            StateHasChanged();
        }),
        // Status, priority, labels, assignee, rating or SLA changed (here or elsewhere): re-read the details. Most
        // summaries only announce a new message, which the thread already shows: those cost no grain call.
        ConversationFeedItem c when c.Summary.ConversationId == ConversationId && ShownFieldsChanged(c.Summary) =>
            InvokeAsync(_detailsRefresh.Request),
        _ => Task.CompletedTask,
    };

    /// <summary>This circuit fell behind the feed and its queue was dropped: read the thread after the last sequence number.</summary>
    private async Task CatchUpAsync()
    {
        if (_user is null || _details is null) return;
        await RefreshDetailsAsync();
        await GapFillAsync();
        StateHasChanged();
        _markRead.Request();
    }

    private async Task RefreshDetailsAsync()
    {
        try
        {
            _details = await Conversations.GetDetailsAsync(_user!, ConversationId);
            StateHasChanged();
        }
        catch (DomainException ex)
        {
            _error = ex.Message;
        }
    }

    /// <summary>Whether the summary differs from the details in anything this page shows besides the thread.</summary>
    private bool ShownFieldsChanged(ConversationSummary summary) =>
        _details is not { } d
        || d.Status != summary.Status || d.Priority != summary.Priority || d.AssigneeId != summary.AssigneeId
        || !(d.Labels ?? []).SequenceEqual(summary.Labels ?? []) || d.CsatScore != summary.CsatScore
        || d.ReadUpTo != summary.ReadUpTo || d.SlaDueAt != summary.SlaDueAt || d.SlaBreached != summary.SlaBreached;

    /// <summary>Every live copy of the thread passes here: a whisper is kept only for the users it is meant for.</summary>
    private void Add(MessageDetails message)
    {
        _lastSeq = Math.Max(_lastSeq, message.Seq);
        if (ConversationService.Reader(_user!).CanSee(message, _details?.AssigneeId)) _messages[message.Seq] = message;
    }

    private async Task GapFillAsync()
    {
        await _gapFill.WaitAsync();
        try
        {
            foreach (var message in await Conversations.GetMessagesAfterAsync(_user!, ConversationId, LastSeq))
                Add(message);
        }
        finally
        {
            _gapFill.Release();
        }
    }

    private bool CanConverse => _user?.May(CrmPolicies.Converse) == true;

    private async Task SendAsync(Guid clientMessageId, string body, bool isNote, IReadOnlyList<AttachmentDetails> attachments)
    {
        var message = isNote
            ? await Conversations.PostNoteAsync(_user!, ConversationId, clientMessageId, body)
            : await Conversations.PostAgentMessageAsync(_user!, ConversationId, clientMessageId, body, attachments);
        if (message.Seq == LastSeq + 1) Add(message);
        else if (message.Seq > LastSeq) await GapFillAsync();
    }

    private async Task WhisperAsync(string body)
    {
        _actionError = null;
        try
        {
            var whisper = await Conversations.PostWhisperAsync(_user!, ConversationId, Guid.NewGuid(), body);
            if (whisper.Seq == LastSeq + 1) Add(whisper);
            else if (whisper.Seq > LastSeq) await GapFillAsync();
        }
        catch (DomainException ex)
        {
            _actionError = ex.Message;
        }
    }

    private Task FocusReplyAsync(bool note) => _replyBox?.FocusAsync(note) ?? Task.CompletedTask;

    private Task ChangeStatusAsync((ConversationStatus Status, DateTimeOffset? Until) change) =>
        ActAsync(() => Conversations.ChangeStatusAsync(_user!, ConversationId, change.Status, change.Until));

    private Task SetPriorityAsync(Priority priority) => ActAsync(() => Conversations.SetPriorityAsync(_user!, ConversationId, priority));

    private Task AssignAsync(string? agentId) => ActAsync(() => Conversations.AssignAsync(_user!, ConversationId, agentId));

    private Task ChangeLabelsAsync((IReadOnlyList<string> Add, IReadOnlyList<string> Remove) change) =>
        ActAsync(() => Conversations.ChangeLabelsAsync(_user!, ConversationId, change.Add, change.Remove));

    /// <summary>Runs a control's change; a refused one (e.g. reopening a closed conversation) says why and changes nothing.</summary>
    private async Task ActAsync(Func<Task<ConversationDetails>> change)
    {
        _actionError = null;
        try
        {
            _details = await change();
        }
        catch (DomainException ex)
        {
            _actionError = ex.Message;
        }
    }

    private async Task<AttachmentDetails> UploadAsync(IBrowserFile file)
    {
        await using var stream = file.OpenReadStream(AttachmentRules.MaxBytes);
        return await Attachments.StoreAsync(_user!.WorkspaceId, file.Name, file.ContentType, stream, file.Size, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        Circuit.ConnectionChanged -= OnConnectionChangedAsync;
        _closing.Cancel();
        _subscription?.Dispose();
        await LeaveAsync();
        // _gapFill and _closing are not disposed: a load or gap-fill still in flight finishes against them (neither
        // holds a timer or a wait handle, so there is nothing to free), instead of failing on a disposed object.
    }
}
