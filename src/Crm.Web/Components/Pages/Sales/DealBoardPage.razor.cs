using Crm.Grains.Abstractions.Deals;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.Pipelines;
using Crm.Web.Identity;
using Crm.Web.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Crm.Web.Components.Pages.Sales;

/// <summary>
/// The pipeline board. Seeded from the deal board read model, then moved by the live feed: a card another rep drags
/// moves here as soon as its deal commits. A drop is sent to the deal grain; a refusal puts the card back with the reason.
/// </summary>
public sealed partial class DealBoardPage
{
    private readonly Dictionary<string, DealDetails> _deals = new(StringComparer.Ordinal);
    private MudDropContainer<DealDetails>? _container;
    private PipelineDefinition? _pipeline;
    private WorkspaceUser? _user;
    private IDisposable? _subscription;
    private (DealDetails Deal, PipelineStage Stage)? _pending;
    private bool _mineOnly;
    private string? _error;
    private DateTimeOffset _now;

    [Inject] private DealService Deals { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _user = WorkspaceUser.From((await AuthenticationState).User);
        if (_user is null) return;
        _mineOnly = _user.Role == Roles.Sales;
        // Subscribe first: a move that commits during the load is applied over it (newer versions win).
        _subscription = Deals.Subscribe(_user, deal => InvokeAsync(() => Apply(deal)), () => InvokeAsync(LoadAsync));
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var board = await Deals.BoardAsync(_user!, null, _mineOnly ? _user!.AgentId : null);
        _now = Clock.GetUtcNow();
        _pipeline = board.Pipeline;
        _deals.Clear();
        foreach (var deal in board.Columns.SelectMany(c => c.Deals)) _deals[deal.DealId] = deal;
        _container?.Refresh();
    }

    private Task MineOnlyChangedAsync(bool value)
    {
        _mineOnly = value;
        return LoadAsync();
    }

    private void Apply(DealDetails deal)
    {
        if (deal.PipelineId != _pipeline?.PipelineId || (_mineOnly && deal.OwnerId != _user?.AgentId)) return;
        if (_deals.TryGetValue(deal.DealId, out var known) && known.Version >= deal.Version) return;
        _deals[deal.DealId] = deal;
        _now = Clock.GetUtcNow();
        _container?.Refresh();
        StateHasChanged();
    }

    private Task OnDealChangedAsync(DealDetails deal)
    {
        Apply(deal);
        return Task.CompletedTask;
    }

    private async Task OnDroppedAsync(MudItemDropInfo<DealDetails> drop)
    {
        if (drop.Item is not { } deal || drop.DropzoneIdentifier == deal.StageId) return;
        var stage = _pipeline!.Stage(drop.DropzoneIdentifier);
        if (stage is null) return;
        if (stage.Outcome != StageOutcome.Open)
        {
            // Won and lost need a reason: the card stays where it was until one is given.
            _pending = (deal, stage);
            _container?.Refresh();
            return;
        }
        await MoveAsync(deal, stage.StageId, null);
    }

    private async Task ConfirmCloseAsync(string reason)
    {
        if (_pending is not { } pending) return;
        _pending = null;
        await MoveAsync(pending.Deal, pending.Stage.StageId, reason);
    }

    private void CancelClose()
    {
        _pending = null;
        _container?.Refresh();
    }

    private async Task MoveAsync(DealDetails deal, string stageId, string? reason)
    {
        _error = null;
        try
        {
            Apply(await Deals.MoveAsync(_user!, deal.DealId, stageId, reason));
        }
        catch (DomainException ex)
        {
            _error = ex.Message;
            _container?.Refresh();
        }
    }

    public void Dispose() => _subscription?.Dispose();
}
