using Microsoft.AspNetCore.Components;

namespace Crm.Web.Components.Conversations;

/// <summary>
/// Counts down to an SLA due instant. It re-renders itself (not its page) exactly when its text changes: every second
/// in the last <see cref="Closing"/> minutes, where an agent needs to see the time run, and at the next whole minute,
/// hour or day before that. Overdue stays until the breach is recorded and arrives as <see cref="Breached"/>.
/// </summary>
public sealed partial class SlaCountdown : IDisposable
{
    /// <summary>Inside this the chip turns red and shows minutes and seconds.</summary>
    private static readonly TimeSpan Closing = TimeSpan.FromMinutes(15);

    private ITimer? _timer;
    private bool _disposed;

    [Parameter] public DateTimeOffset? DueAt { get; set; }

    [Parameter] public bool Breached { get; set; }

    /// <summary>Put on the chip (e.g. a data-testid).</summary>
    [Parameter(CaptureUnmatchedValues = true)] public IReadOnlyDictionary<string, object>? Attributes { get; set; }

    [Inject] private TimeProvider Clock { get; set; } = default!;

    protected override void OnParametersSet() => Schedule();

    /// <summary>"SLA 3 d", "SLA 5 h", "SLA 42 min", "SLA 14:59" (rounded up: it reads 0:01 until the instant), "SLA overdue".</summary>
    private static string Describe(TimeSpan left)
    {
        if (left <= TimeSpan.Zero) return "SLA overdue";
        if (left < Closing)
        {
            var seconds = (int)Math.Ceiling(left.TotalSeconds);
            return $"SLA {seconds / 60}:{seconds % 60:00}";
        }
        return left.TotalHours < 1 ? $"SLA {(int)left.TotalMinutes} min" : left.TotalDays < 1 ? $"SLA {(int)left.TotalHours} h" : $"SLA {(int)left.TotalDays} d";
    }

    /// <summary>How long until <see cref="Describe"/> gives another text; null when it never will by itself.</summary>
    private static TimeSpan? UntilTextChanges(TimeSpan left)
    {
        if (left <= TimeSpan.Zero) return null;
        // Seconds round up, so "0:42" turns into "0:41" when exactly 41 s are left; the coarser units round down and
        // change just after the boundary (a millisecond later, to land on the new text rather than the old one).
        if (left < Closing) return left - TimeSpan.FromSeconds(Math.Ceiling(left.TotalSeconds) - 1);
        var unit = left.TotalHours < 1 ? TimeSpan.FromMinutes(1) : left.TotalDays < 1 ? TimeSpan.FromHours(1) : TimeSpan.FromDays(1);
        return TimeSpan.FromTicks(left.Ticks % unit.Ticks) + TimeSpan.FromMilliseconds(1);
    }

    private void Schedule()
    {
        var wait = Breached || DueAt is not { } due ? null : UntilTextChanges(due - Clock.GetUtcNow());
        if (wait is null)
        {
            _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }
        _timer ??= Clock.CreateTimer(_ => _ = InvokeAsync(Tick), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _timer.Change(wait.Value, Timeout.InfiniteTimeSpan);
    }

    private void Tick()
    {
        if (_disposed) return;
        Schedule();
        StateHasChanged();
    }

    public void Dispose()
    {
        _disposed = true;
        _timer?.Dispose();
    }
}
