using Crm.Grains.Abstractions.Ai;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.Time;
using Crm.Grains.Ai.Events;
using Crm.Grains.EventSourcing;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Grains.Ai;

/// <summary>
/// One per workspace: the single place tokens are added, so every node checks the budget against the same total and a
/// restart loses nothing. Each call appends one small event; a snapshot keeps activation short on a busy workspace.
/// </summary>
public sealed class AiUsageGrain(IEventStore store, [FromKeyedServices(DomainClock.Key)] TimeProvider clock)
    : EventSourcedGrain<AiUsageState>(store, clock), IAiUsageGrain
{
    protected override string StreamId => StreamIds.AiUsage(this.GetPrimaryKeyString());

    protected override int SnapshotEvery => 500;

    public Task<long> GetUsedAsync(DateTimeOffset now) =>
        Task.FromResult(State.Months.GetValueOrDefault(AiUsageMonth.Key(now))?.Tokens ?? 0);

    public async Task RecordAsync(RecordAiTokens command)
    {
        if (command.Tokens < 0) throw new DomainException(DomainErrorKind.Invalid, "Tokens used cannot be negative.");
        if (command.Tokens == 0) return;
        await RaiseAsync(command.Actor, new AiTokensUsed(AiUsageMonth.Key(command.Now), command.Tokens, command.Purpose));
    }

    public Task<IReadOnlyList<AiUsageMonth>> ListMonthsAsync() =>
        Task.FromResult<IReadOnlyList<AiUsageMonth>>(State.Months.Values.Reverse().ToList());
}
