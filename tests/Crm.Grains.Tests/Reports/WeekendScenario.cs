using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Keys;
using Crm.Testing.Cluster;

namespace Crm.Grains.Tests.Reports;

/// <summary>
/// Two conversations with known timings in a workspace on the default calendar (Monday to Friday 09:00–17:00 UTC),
/// starting on a Friday at 16:00 (<see cref="Friday"/>) and ending the next Monday at 10:00:
/// <list type="bullet">
/// <item>c1 (chat, queue "support", label billing, Alice): the customer writes at 16:00; a bot answers at 16:01 and
/// Alice notes at 16:02 (neither is a reply); Alice replies at 16:03 and resolves at 16:10. The customer writes again at
/// 17:00 (a reopen) and on Saturday; Alice replies on Monday at 09:30 and resolves at 10:00; the customer rates 5.</item>
/// <item>c2 (email, no queue, labels billing and refund, Bob): opened and the customer writes at 16:50; Bob replies on
/// Monday at 09:10 and resolves at 10:00; the customer rates 3.</item>
/// </list>
/// </summary>
internal sealed class WeekendScenario(CrmClusterFixture cluster)
{
    public static readonly Author Alice = new(AuthorKind.Agent, "alice", "Alice");
    public static readonly Author Bob = new(AuthorKind.Agent, "bob", "Bob");
    public static readonly Author Bot = new(AuthorKind.Bot, "helper-bot", "Helper bot");
    public static readonly Author Customer1 = new(AuthorKind.Customer, "cust-1", "Ada Lovelace");
    public static readonly Author Customer2 = new(AuthorKind.Customer, "cust-2", "Grace Hopper");

    public string WorkspaceId { get; } = TestKeys.NewWorkspaceId();

    /// <summary>The Friday 16:00 UTC the scenario starts at (set by <see cref="RunAsync"/>).</summary>
    public DateTimeOffset Friday { get; private set; }

    /// <summary>The Monday 09:00 UTC after <see cref="Friday"/>: the office opens again.</summary>
    public DateTimeOffset Monday => Friday.AddDays(3).AddHours(-7);

    public IConversationGrain C1 => Conversation("c1");

    public IConversationGrain C2 => Conversation("c2");

    /// <summary>Moves the shared clock forward to the next Friday 16:00 UTC and plays the scenario.</summary>
    public async Task RunAsync()
    {
        Friday = NextFridayFourPm(cluster.Clock.GetUtcNow());
        cluster.Clock.SetUtcNow(Friday);

        await C1.OpenAsync(new OpenConversation(Customer1.Id, Customer1.DisplayName, Channel.Chat, "Invoice", "support", Customer1.Actor));
        await C1.AssignAsync(new AssignConversation(Alice.Id, Alice.DisplayName, Alice));
        await C1.ChangeLabelsAsync(new ChangeLabels(["billing"], [], Alice));
        await PostAsync(C1, Customer1, "Hello?");
        await At(1, () => PostAsync(C1, Bot, "I'm a bot: an agent will be with you shortly."));
        await At(2, () => PostAsync(C1, Alice, "Looks like a billing question.", MessageKind.Note));
        await At(3, () => PostAsync(C1, Alice, "Hi Ada, let me check."));
        await At(10, () => C1.ChangeStatusAsync(new ChangeStatus(ConversationStatus.Resolved, null, Alice)));

        await At(50, async () =>
        {
            await C2.OpenAsync(new OpenConversation(Customer2.Id, Customer2.DisplayName, Channel.Email, "Refund", null, Customer2.Actor));
            await C2.AssignAsync(new AssignConversation(Bob.Id, Bob.DisplayName, Bob));
            await C2.ChangeLabelsAsync(new ChangeLabels(["billing", "refund"], [], Bob));
            await PostAsync(C2, Customer2, "I was charged twice.");
        });
        await At(60, () => PostAsync(C1, Customer1, "Actually, one more thing."));
        await At(20 * 60, () => PostAsync(C1, Customer1, "Anyone there?"));

        await At(Monday.AddMinutes(10), () => PostAsync(C2, Bob, "Refunded, sorry about that."));
        await At(Monday.AddMinutes(30), () => PostAsync(C1, Alice, "Here you go."));
        await At(Monday.AddHours(1), async () =>
        {
            await C1.ChangeStatusAsync(new ChangeStatus(ConversationStatus.Resolved, null, Alice));
            await C2.ChangeStatusAsync(new ChangeStatus(ConversationStatus.Resolved, null, Bob));
            await C1.RateAsync(new RateConversation(5, "Great", Customer1));
            await C2.RateAsync(new RateConversation(3, null, Customer2));
        });
    }

    public IConversationGrain Conversation(string id) => cluster.Grains.GetGrain<IConversationGrain>(GrainKeys.Scoped(WorkspaceId, id));

    /// <summary>The first Friday 16:00 UTC strictly after <paramref name="now"/>.</summary>
    public static DateTimeOffset NextFridayFourPm(DateTimeOffset now)
    {
        var day = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddHours(16);
        while (day.DayOfWeek != DayOfWeek.Friday || day <= now) day = day.AddDays(1);
        return day;
    }

    private static Task PostAsync(IConversationGrain conversation, Author author, string body, MessageKind kind = MessageKind.Message) =>
        conversation.PostMessageAsync(new PostMessage(Guid.NewGuid(), author, body, kind));

    private Task At(int minutesAfterFriday, Func<Task> step) => At(Friday.AddMinutes(minutesAfterFriday), step);

    private async Task At(DateTimeOffset instant, Func<Task> step)
    {
        cluster.Clock.SetUtcNow(instant);
        await step();
    }
}
