using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.Reports;
using Crm.Grains.Conversations;

namespace Crm.Grains.Reports;

/// <summary>What a report query may ask for, checked before anything is computed.</summary>
public static class ReportRules
{
    /// <summary>The longest range one report covers: a year and then some, so year-over-year questions fit.</summary>
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(400);

    /// <summary>The query with its filters normalised (labels as conversations store them), or Invalid naming the problem.</summary>
    public static ReportQuery Require(ReportQuery query)
    {
        if (query.To <= query.From)
            throw Invalid($"The range must end after it starts: 'from' ({query.From:O}) must be before 'to' ({query.To:O}).");
        if (query.To - query.From > MaxRange)
            throw Invalid($"A report covers at most {MaxRange.TotalDays:0} days; choose a shorter range.");
        if (query.Channel is { } channel && !Enum.IsDefined(channel))
            throw Invalid($"Unknown channel {(int)channel}.");
        return query with
        {
            QueueId = query.QueueId is null ? null : Ids.Require(query.QueueId, "queue"),
            AgentId = query.AgentId is null ? null : Ids.Require(query.AgentId, "agent"),
            Label = query.Label is null ? null : ConversationRules.NormalizeLabel(query.Label),
        };
    }

    private static DomainException Invalid(string message) => new(DomainErrorKind.Invalid, message);
}
