using Crm.Grains.Abstractions.Conversations;
using Crm.Web.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Crm.Web.Components.Conversations;

/// <summary>Status, snooze, priority, assignee and labels of one conversation. Every change goes through the callbacks.</summary>
public sealed partial class ConversationControls
{
    private const string Unassigned = "";
    private static readonly ConversationStatus[] Statuses =
        [ConversationStatus.Open, ConversationStatus.Pending, ConversationStatus.Resolved, ConversationStatus.Closed];

    private string? _newLabel;

    [Parameter, EditorRequired] public ConversationDetails Details { get; set; } = default!;
    [Parameter] public IReadOnlyList<AgentSummary> Agents { get; set; } = [];
    [Parameter] public EventCallback<(ConversationStatus Status, DateTimeOffset? Until)> OnStatus { get; set; }
    [Parameter] public EventCallback<Priority> OnPriority { get; set; }
    [Parameter] public EventCallback<string?> OnAssign { get; set; }
    [Parameter] public EventCallback<(IReadOnlyList<string> Add, IReadOnlyList<string> Remove)> OnLabels { get; set; }

    [Inject] private TimeProvider Clock { get; set; } = default!;

    private Task SnoozeAsync(TimeSpan span) => OnStatus.InvokeAsync((ConversationStatus.Snoozed, Clock.GetUtcNow() + span));

    private async Task AddLabelOnEnterAsync(KeyboardEventArgs e)
    {
        if (e.Key != "Enter" || string.IsNullOrWhiteSpace(_newLabel)) return;
        var label = _newLabel;
        _newLabel = null;
        await OnLabels.InvokeAsync(([label], []));
    }
}
