using Crm.Web.Services;
using Microsoft.AspNetCore.Components;

namespace Crm.Web.Components.Layout;

/// <summary>
/// One offer to the signed-in agent: who and what, the seconds left to answer, Accept and Decline. It re-renders
/// itself each second (not the layout) while the offer runs; the router ends it on time, the card only shows it.
/// </summary>
public sealed partial class OfferCard : IDisposable
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private ITimer? _timer;
    private bool _busy;
    private bool _disposed;

    [Parameter, EditorRequired] public OfferedWork Offer { get; set; } = default!;

    /// <summary>"Customer — subject" when known; the conversation id until the details arrive (or if they never do).</summary>
    [Parameter] public string? Title { get; set; }

    [Parameter] public EventCallback<OfferedWork> OnAccept { get; set; }

    [Parameter] public EventCallback<OfferedWork> OnDecline { get; set; }

    [Inject] private TimeProvider Clock { get; set; } = default!;

    protected override void OnInitialized() =>
        _timer = Clock.CreateTimer(_ => _ = InvokeAsync(Tick), null, Second, Second);

    /// <summary>"Expires in 0:42" (rounded up, so it reads 0:01 until the instant); "Expiring…" once due, until the router says so.</summary>
    private string Countdown()
    {
        if (Offer.ExpiresAt is not { } expiresAt) return "Waiting for your answer";
        var seconds = (int)Math.Ceiling((expiresAt - Clock.GetUtcNow()).TotalSeconds);
        return seconds <= 0 ? "Expiring…" : $"Expires in {seconds / 60}:{seconds % 60:00}";
    }

    private void Tick()
    {
        if (!_disposed) StateHasChanged();
    }

    private Task AcceptAsync() => AnswerAsync(OnAccept);

    private Task DeclineAsync() => AnswerAsync(OnDecline);

    /// <summary>One answer per offer: a double click must not accept and then decline what is already taken.</summary>
    private async Task AnswerAsync(EventCallback<OfferedWork> answer)
    {
        if (_busy) return;
        _busy = true;
        try
        {
            await answer.InvokeAsync(Offer);
        }
        finally
        {
            _busy = false;
        }
    }

    public void Dispose()
    {
        _disposed = true;
        _timer?.Dispose();
    }
}
