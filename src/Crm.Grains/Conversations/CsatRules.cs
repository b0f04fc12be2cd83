using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Errors;

namespace Crm.Grains.Conversations;

/// <summary>Customer satisfaction: asked once the conversation is resolved, answered once, by its own customer.</summary>
public static class CsatRules
{
    public const int MaxCommentLength = 1_000;

    /// <summary>The scale: 1 (very unhappy) to 5 (very happy).</summary>
    public const int MinScore = 1;

    public const int MaxScore = 5;

    /// <summary>The lowest score that counts as a satisfied customer in reports (4 or 5 of 5).</summary>
    public const int SatisfiedFrom = 4;

    public static bool IsSatisfied(int score) => score >= SatisfiedFrom;

    public static (int Score, string? Comment) Require(ConversationState state, RateConversation command)
    {
        if (command.By.Kind != AuthorKind.Customer || command.By.Id != state.Opened!.CustomerId)
            throw new DomainException(DomainErrorKind.Forbidden, "Only the conversation's customer can rate it.");
        if (state.Status is not (ConversationStatus.Resolved or ConversationStatus.Closed))
            throw new DomainException(DomainErrorKind.Conflict, "A conversation can be rated once it is resolved.");
        if (state.Rating is not null)
            throw new DomainException(DomainErrorKind.Conflict, "This conversation was already rated. Thank you!");
        if (command.Score is < MinScore or > MaxScore)
            throw new DomainException(DomainErrorKind.Invalid, $"A rating is a whole number from {MinScore} to {MaxScore}.");
        var comment = string.IsNullOrWhiteSpace(command.Comment) ? null : command.Comment.Trim();
        return comment?.Length > MaxCommentLength
            ? throw new DomainException(DomainErrorKind.Invalid, $"A rating comment can be at most {MaxCommentLength:N0} characters.")
            : (command.Score, comment);
    }
}
