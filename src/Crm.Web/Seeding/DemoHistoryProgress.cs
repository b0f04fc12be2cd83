namespace Crm.Web.Seeding;

/// <summary>
/// How far the demo history has landed. The history is written after the app is ready (the console opens at once), so
/// the console's banner and /health/ready say that it is still landing, and how far, instead of showing a thin demo
/// as if it were all there.
/// </summary>
public sealed class DemoHistoryProgress
{
    // Enough to move the banner's count smoothly without a render per conversation.
    private const int NotifyEvery = 10;

    private int _written;

    /// <summary>True from the first start's seeding until the last history conversation is written (or writing failed).</summary>
    public bool Landing { get; private set; }

    /// <summary>Conversations in the history; 0 until they are drawn.</summary>
    public int Total { get; private set; }

    public int Written => Volatile.Read(ref _written);

    /// <summary>Why writing the history stopped short, if it did.</summary>
    public string? Failure { get; private set; }

    /// <summary>Raised now and then while landing, and when done; on the seeding task, so handlers only queue a render.</summary>
    public event Action? Changed;

    internal void Begin()
    {
        Landing = true;
        Changed?.Invoke();
    }

    internal void Drawn(int total)
    {
        Total = total;
        Changed?.Invoke();
    }

    internal void Wrote()
    {
        if (Interlocked.Increment(ref _written) % NotifyEvery == 0) Changed?.Invoke();
    }

    internal void End(string? failure = null)
    {
        Failure = failure;
        Landing = false;
        Changed?.Invoke();
    }
}
