using Crm.Grains.Abstractions.Time;

namespace Crm.Grains.Time;

/// <summary>
/// The silo's default domain clock: real time, unless the current call carries <see cref="DomainClock.BackdateKey"/>,
/// whose instant it answers instead. Timers and timestamps stay real, so nothing waits on a past instant.
/// </summary>
public sealed class BackdatableClock(TimeProvider inner) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() =>
        RequestContext.Get(DomainClock.BackdateKey) is DateTimeOffset at ? at : inner.GetUtcNow();

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        inner.CreateTimer(callback, state, dueTime, period);
}
