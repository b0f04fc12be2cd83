using Crm.Grains.Abstractions.Queues;
using Crm.Grains.Abstractions.Routing;
using Crm.Web.Identity;
using Crm.Web.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Crm.Web.Components.Pages.Admin;

/// <summary>
/// Routing for admins: each queue's policy and each agent's capacities, skills and teams, as the board lists them.
/// Every save goes through <see cref="RoutingService"/>, which checks the matrix again and lets the router judge.
/// </summary>
public sealed partial class RoutingPage
{
    private WorkspaceUser? _admin;
    private List<QueueDetails> _queues = [];
    private IReadOnlyList<AgentWorkloadSummary> _agents = [];
    private string? _newQueueId, _error;

    [Inject] private RoutingService Routing { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        // The admin is set last: the page (and its ready marker) shows only once the board's lists are in, never empty first.
        if (WorkspaceUser.From((await AuthenticationState).User) is not { } admin) return;
        var board = await Routing.GetBoardAsync(admin);
        _queues = board.Queues.OrderBy(q => q.QueueId, StringComparer.Ordinal).ToList();
        _agents = board.Agents.OrderBy(a => a.DisplayName, StringComparer.CurrentCulture).ToList();
        _admin = admin;
    }

    /// <summary>
    /// A queue the board does not list yet (nobody configured it and it holds no work): it gets an editor starting
    /// from the manual policy, and exists for the router once saved. The id itself is the router's to accept.
    /// </summary>
    private void AddQueue()
    {
        _error = null;
        var id = _newQueueId?.Trim();
        if (string.IsNullOrEmpty(id))
        {
            _error = "Enter the queue's id.";
            return;
        }
        if (_queues.Any(q => q.QueueId == id))
        {
            _error = $"Queue {id} is already listed.";
            return;
        }
        _queues.Insert(0, new QueueDetails(_admin!.WorkspaceId, id, [], QueuePolicy.Manual));
        _newQueueId = null;
    }
}
