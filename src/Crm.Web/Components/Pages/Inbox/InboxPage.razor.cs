using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Inbox;
using Crm.Grains.Abstractions.LiveFeed;
using Crm.Web.Identity;
using Crm.Web.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Crm.Web.Components.Pages.Inbox;

public sealed partial class InboxPage
{
    private readonly Dictionary<string, ConversationSummary> _rows = [];
    private IDisposable? _subscription;
    private bool _loaded;
    private string? _error;

    [Inject] private ConversationService Conversations { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private IEnumerable<ConversationSummary> Ordered => _rows.Values.OrderByDescending(r => r.LastActivityAt);

    protected override async Task OnInitializedAsync()
    {
        var user = WorkspaceUser.From((await AuthenticationState).User);
        if (user is null)
        {
            _error = "Your account is not linked to a workspace.";
            return;
        }

        // Subscribe before the first read, so an update committed in between is not missed; versions drop duplicates.
        _subscription = Conversations.Subscribe(user, OnFeedItemAsync);
        foreach (var row in await Conversations.ListInboxAsync(user, new InboxQuery(Limit: 200)))
            Upsert(row);
        _loaded = true;
    }

    private Task OnFeedItemAsync(LiveFeedItem item) =>
        item is ConversationFeedItem c
            ? InvokeAsync(() =>
            {
                if (Upsert(c.Summary)) StateHasChanged();
            })
            : Task.CompletedTask;

    private bool Upsert(ConversationSummary summary)
    {
        if (_rows.TryGetValue(summary.ConversationId, out var known) && known.Version >= summary.Version) return false;
        _rows[summary.ConversationId] = summary;
        return true;
    }

    public void Dispose() => _subscription?.Dispose();
}
