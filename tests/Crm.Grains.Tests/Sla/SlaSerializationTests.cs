using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Sla;
using Crm.Grains.Sla;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Xunit;
using static Crm.Grains.Tests.Sla.SlaTime;

namespace Crm.Grains.Tests.Sla;

/// <summary>The SLA records cross grain boundaries and are persisted: they survive the Orleans serializer intact.</summary>
public sealed class SlaSerializationTests
{
    private static readonly Serializer Serializer = new ServiceCollection()
        .AddSerializer(builder => builder.AddAssembly(typeof(BusinessCalendar).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    [Fact]
    public void RoundTrip_CalendarPolicyFactsAndStatus_EqualAfterwards()
    {
        var calendar = BusinessCalendar.Create(Berlin,
            [new OpeningHours(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(12, 30)), OpeningHours.UntilMidnight(DayOfWeek.Friday, new TimeOnly(20, 0))],
            [new DateOnly(2025, 12, 25)]);
        var policy = SlaPolicy.Create(new SlaTargets(Priority.Urgent, TimeSpan.FromMinutes(15), null, TimeSpan.FromHours(4)));
        var facts = SlaFacts.Opened(Priority.Urgent, Utc("2025-01-06 10:00")) with { Pauses = [new SlaPause(Utc("2025-01-06 10:05"), null)] };
        var status = new SlaClock(policy, calendar).Evaluate(facts, Utc("2025-01-06 10:30"));

        Assert.Equal(calendar, RoundTrip(calendar));
        Assert.Equal(policy, RoundTrip(policy));
        Assert.Equal(facts, RoundTrip(facts));
        Assert.Equal(status, RoundTrip(status));
        Assert.Equal(BusinessCalendar.AlwaysOpen, RoundTrip(BusinessCalendar.AlwaysOpen));
    }

    private static T RoundTrip<T>(T value)
        where T : class =>
        Serializer.Deserialize<T>(Serializer.SerializeToArray(value)) ?? throw new InvalidOperationException("Deserialized to null.");
}
