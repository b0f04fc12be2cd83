using Crm.Web.Security.Authorization;
using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.Reports;
using Crm.Grains.Reports;
using Crm.Web.Identity;
using Crm.Web.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Crm.Web.Components.Pages.Reports;

/// <summary>
/// The reports console: a range of UTC days and filters, the metric tables with their definitions beside them, and a
/// CSV link for exactly the query shown. Reads through <see cref="ReportService"/>, as the API does, so the page and
/// the export show the same numbers.
/// </summary>
public sealed partial class ReportsPage
{
    private static readonly (ReportDimension Dimension, string Title)[] Dimensions =
    [
        (ReportDimension.Channel, "Channel"), (ReportDimension.Queue, "Queue"), (ReportDimension.Agent, "Agent"), (ReportDimension.Label, "Label"),
    ];

    private WorkspaceUser? _user;
    private DateRange _range = new();
    private Channel? _channel;
    private string? _agent, _queue, _label, _error;
    private IReadOnlyList<AgentSummary> _agents = [];
    private ReportDetails? _report;

    [Inject] private ReportService Reports { get; set; } = default!;
    [Inject] private AgentDirectory Agents { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private (DateOnly First, DateOnly Last) Days
    {
        get
        {
            var today = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);
            var first = _range.Start is { } start ? DateOnly.FromDateTime(start) : today.AddDays(-6);
            var last = _range.End is { } end ? DateOnly.FromDateTime(end) : today;
            return (first, last);
        }
    }

    private string CsvHref
    {
        get
        {
            var (first, last) = Days;
            var query = new List<string> { $"from={ReportPeriod.Format(first)}", $"to={ReportPeriod.Format(last)}" };
            if (_channel is { } channel) query.Add($"channel={ReportCalculator.ChannelKey(channel)}");
            if (_queue is { } queue) query.Add($"queue={Uri.EscapeDataString(queue)}");
            if (_agent is { } agent) query.Add($"agent={Uri.EscapeDataString(agent)}");
            if (_label is { } label) query.Add($"label={Uri.EscapeDataString(label)}");
            return $"api/reports.csv?{string.Join('&', query)}";
        }
    }

    protected override async Task OnInitializedAsync()
    {
        _user = WorkspaceUser.From((await AuthenticationState).User);
        var (first, last) = Days;
        _range = new DateRange(first.ToDateTime(TimeOnly.MinValue), last.ToDateTime(TimeOnly.MinValue));
        if (_user is not null && _user.May(CrmPolicies.Supervise)) _agents = await Agents.ListAsync(_user.WorkspaceId);
        await LoadAsync();
    }

    private Task ChangeRangeAsync(DateRange range)
    {
        _range = range;
        return LoadAsync();
    }

    private Task ChangeChannelAsync(Channel? channel) => Change(() => _channel = channel);

    private Task ChangeAgentAsync(string? agent) => Change(() => _agent = Blank(agent));

    private Task ChangeQueueAsync(string? queue) => Change(() => _queue = Blank(queue));

    private Task ChangeLabelAsync(string? label) => Change(() => _label = Blank(label));

    private Task Change(Action set)
    {
        set();
        return LoadAsync();
    }

    private async Task LoadAsync()
    {
        if (_user is null) return;
        var (from, to) = ReportPeriod.Days(Days.First, Days.Last);
        try
        {
            _report = await Reports.GetAsync(_user, new ReportQuery(from, to, _channel, _queue, _agent, _label));
            _error = null;
        }
        catch (DomainException ex)
        {
            _error = ex.Message;
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
