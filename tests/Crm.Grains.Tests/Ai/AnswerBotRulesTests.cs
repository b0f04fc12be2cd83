using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Ai;
using Xunit;

namespace Crm.Grains.Tests.Ai;

/// <summary>When the answer bot has the turn and when it hands over, on crafted threads.</summary>
public sealed class AnswerBotRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void SilentBecause_APersonReplied_OrHandedOver_OrNothingPending()
    {
        var open = Details();

        Assert.Null(AnswerBotRules.SilentBecause(open, [Customer(1, "Hi, how do I reset my password?")]));
        Assert.Equal("a person replied", AnswerBotRules.SilentBecause(open, [Customer(1, "Hi"), Agent(2, "Hello!"), Customer(3, "Still there?")]));
        Assert.Equal("handed over to a person already",
            AnswerBotRules.SilentBecause(open with { Labels = [AnswerBotRules.HandedOverLabel] }, [Customer(1, "Hi")]));
        Assert.Equal("no visitor message waits for an answer", AnswerBotRules.SilentBecause(open, [Customer(1, "Hi"), Bot(2, "Read this")]));
        Assert.Equal("not a widget chat", AnswerBotRules.SilentBecause(open with { Channel = Channel.Email }, [Customer(1, "Hi")]));
    }

    [Fact]
    public void Unhelpful_CountsRepliesToTheBotThatSayItDidNotHelp()
    {
        IReadOnlyList<MessageDetails> thread =
        [
            Customer(1, "How do I reset my password?"), Bot(2, "Read this"), Customer(3, "That didn't help"),
            Bot(4, "Try this"), Customer(5, "No, still broken"),
        ];

        Assert.Equal(2, AnswerBotRules.Unhelpful(thread));
        Assert.Equal(1, AnswerBotRules.Unhelpful(thread.Take(4).ToList()));
        Assert.Equal("No, still broken", AnswerBotRules.Pending(thread));
    }

    [Theory]
    [InlineData("Can I talk to a human?", true)]
    [InlineData("I want to speak to someone", true)]
    [InlineData("How do I reset my password?", false)]
    public void AsksForHuman_FindsTheRequest(string text, bool expected) => Assert.Equal(expected, AnswerBotRules.AsksForHuman(text));

    private static ConversationDetails Details() =>
        new("w1", "c1", "cust-1", "Ada", Channel.Chat, "Chat", ConversationStatus.Open, "default", Now, 1);

    private static MessageDetails Customer(long seq, string body) => Message(seq, new Author(AuthorKind.Customer, "cust-1", "Ada"), body);

    private static MessageDetails Agent(long seq, string body) => Message(seq, new Author(AuthorKind.Agent, "sam", "Sam"), body);

    private static MessageDetails Bot(long seq, string body) => Message(seq, AnswerBotGrain.Bot, body);

    private static MessageDetails Message(long seq, Author author, string body) =>
        new("w1", "c1", seq, Guid.NewGuid(), author, body, Now.AddMinutes(seq));
}
