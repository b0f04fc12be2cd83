namespace Crm.Web.LiveFeed;

/// <summary>
/// Work a live item asks for (re-read counts, mark read, re-read details) that must not run inside delivery: the item's
/// handler only requests it. One run at a time, repeated while requests keep arriving, so a burst costs a few runs and
/// the last request is always served. Request it on one dispatcher (a circuit's), so plain fields suffice.
/// </summary>
public sealed class CoalescedRefresh(Func<Task> work)
{
    private bool _running;
    private bool _requested;

    /// <summary>Starts the work (or marks it to run again) and returns without waiting for it.</summary>
    public void Request() => _ = RunAsync();

    private async Task RunAsync()
    {
        _requested = true;
        if (_running) return;
        _running = true;
        try
        {
            while (_requested)
            {
                _requested = false;
                await work();
            }
        }
        finally
        {
            _running = false;
        }
    }
}
