using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.Reports;
using Crm.Testing.Cluster;
using Xunit;
using Xunit.Abstractions;

namespace Crm.Grains.Tests.Reports;

/// <summary>
/// Report figures against a recomputation from the raw events: a randomized workload of conversations driven through
/// their grains (customers, two agents, a bot, notes, assignments, labels, resolving, reopening, closing, ratings,
/// with the clock jumping over nights and weekends), then every figure of several reports compared with
/// <see cref="ReportRecomputation"/> over the events read back from the store.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ReportRecomputationTests(CrmClusterFixture cluster, ITestOutputHelper output)
{
    private const int Conversations = 10;
    private const int Steps = 220;

    private static readonly Author Bot = new(AuthorKind.Bot, "helper-bot", "Helper bot");
    private static readonly string[] Queues = ["support", "sales"];
    private static readonly string[] LabelPool = ["billing", "refund", "vip"];

    [Fact]
    public async Task GetAsync_RandomizedWorkload_EveryFigureEqualsARecomputationFromTheStoredEvents()
    {
        var seed = Environment.TickCount;
        output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        var workspaceId = TestKeys.NewWorkspaceId();
        var start = cluster.Clock.GetUtcNow();

        await PlayAsync(workspaceId, random);
        var end = cluster.Clock.GetUtcNow().AddSeconds(1);
        var middle = start + (end - start) / 3;
        var queries = new[]
        {
            new ReportQuery(start, end),
            new ReportQuery(middle, end),
            new ReportQuery(start, middle),
            new ReportQuery(start, end, Channel: Channel.Email),
            new ReportQuery(start, end, AgentId: "alice"),
            new ReportQuery(start, end, Label: "billing"),
            new ReportQuery(middle, end, QueueId: "support"),
        };

        var grain = cluster.Grains.GetGrain<IReportGrain>(workspaceId);
        var reports = new List<ReportDetails>();
        foreach (var query in queries) reports.Add(await grain.GetAsync(query));
        var prefix = StreamIds.CategoryPrefix(StreamIds.ConversationCategory, workspaceId);
        var recomputation = new ReportRecomputation(await cluster.Store.ReadAllAsync(0, int.MaxValue, prefix));

        foreach (var report in reports)
        {
            var expected = recomputation.For(report.Query);
            var context = $"seed {seed}, {report.Query}";
            Equal(expected.FirstResponse, report.FirstResponse, $"first response, {context}");
            Equal(expected.NextResponse, report.NextResponse, $"next response, {context}");
            Equal(expected.Resolution, report.Resolution, $"resolution, {context}");
            Equal((expected.Opened, expected.Resolved, expected.ReopenedConversations, expected.Reopens),
                (report.Opened, report.Resolved, report.ReopenedConversations, report.Reopens), $"counts, {context}");
            Equal(Sorted(expected.Volume), Sorted(report.Volume), $"volume, {context}");
            Equal(expected.Csat, report.Csat, $"CSAT, {context}");
            Equal(Sorted(expected.CsatByAgent), Sorted(report.CsatByAgent), $"CSAT by agent, {context}");
        }
        // The workload must have exercised what the definitions are about, or the comparison proves little.
        var whole = reports[0];
        Assert.True(whole.FirstResponse.Calendar.Count > 0 && whole.NextResponse.Calendar.Count > 0 && whole.Resolution.Calendar.Count > 0
            && whole.Reopens > 0 && whole.Csat.Responses > 0, $"seed {seed}: the workload was too thin: {whole}");
    }

    private async Task PlayAsync(string workspaceId, Random random)
    {
        var conversations = new List<IConversationGrain>();
        for (var i = 0; i < Conversations; i++)
        {
            var conversation = cluster.Grains.GetGrain<IConversationGrain>(GrainKeys.Scoped(workspaceId, $"c{i}"));
            await conversation.OpenAsync(new OpenConversation(
                $"cust-{i}", $"Customer {i}", Pick(random, Enum.GetValues<Channel>()), "Question", random.Next(3) == 0 ? null : Pick(random, Queues), $"customer:cust-{i}"));
            conversations.Add(conversation);
            Advance(random);
        }

        for (var step = 0; step < Steps; step++)
        {
            var index = random.Next(Conversations);
            var conversation = conversations[index];
            var customer = new Author(AuthorKind.Customer, $"cust-{index}", $"Customer {index}");
            var agent = random.Next(2) == 0
                ? new Author(AuthorKind.Agent, "alice", random.Next(4) == 0 ? "Alice Smith" : "Alice")
                : new Author(AuthorKind.Agent, "bob", "Bob");
            try
            {
                await (random.Next(100) switch
                {
                    < 28 => conversation.PostMessageAsync(new PostMessage(Guid.NewGuid(), customer, "Hello?")),
                    < 50 => conversation.PostMessageAsync(new PostMessage(Guid.NewGuid(), agent, "On it.")),
                    < 56 => conversation.PostMessageAsync(new PostMessage(Guid.NewGuid(), Bot, "A bot's answer.")),
                    < 62 => conversation.PostMessageAsync(new PostMessage(Guid.NewGuid(), agent, "Internal.", MessageKind.Note)),
                    < 70 => conversation.AssignAsync(new AssignConversation(random.Next(4) == 0 ? null : agent.Id, agent.DisplayName, agent)),
                    < 75 => conversation.ChangeLabelsAsync(new ChangeLabels([Pick(random, LabelPool)], random.Next(2) == 0 ? [Pick(random, LabelPool)] : [], agent)),
                    < 87 => ChangeStatusAsync(conversation, agent, random),
                    _ => conversation.RateAsync(new RateConversation(random.Next(1, 6), null, customer)),
                });
            }
            catch (DomainException ex) when (ex.Kind is DomainErrorKind.Conflict)
            {
                // A step the conversation refuses in its current status (posting once closed, rating twice): a no-op.
            }
            Advance(random);
        }

        // Most conversations end resolved, so resolution times, reopens and ratings have samples.
        foreach (var conversation in conversations)
        {
            try
            {
                await conversation.ChangeStatusAsync(new ChangeStatus(ConversationStatus.Resolved, null, new Author(AuthorKind.Agent, "bob", "Bob")));
            }
            catch (DomainException ex) when (ex.Kind is DomainErrorKind.Conflict)
            {
                // Closed for good already.
            }
            Advance(random);
        }
    }

    private static Task ChangeStatusAsync(IConversationGrain conversation, Author agent, Random random)
    {
        // Mostly resolve and reopen, sometimes wait on the customer, rarely close for good.
        var to = random.Next(20) switch
        {
            < 9 => ConversationStatus.Resolved,
            < 15 => ConversationStatus.Open,
            < 19 => ConversationStatus.Pending,
            _ => ConversationStatus.Closed,
        };
        return conversation.ChangeStatusAsync(new ChangeStatus(to, null, agent));
    }

    /// <summary>Seconds to hours between steps, now and then a day or more: replies cross nights and weekends.</summary>
    private void Advance(Random random) => cluster.Clock.Advance(TimeSpan.FromSeconds(random.Next(20) switch
    {
        < 10 => random.Next(5, 600),
        < 19 => random.Next(600, 4 * 3600),
        _ => random.Next(16 * 3600, 60 * 3600),
    }));

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static List<VolumeRow> Sorted(IEnumerable<VolumeRow> rows) => [.. rows.OrderBy(r => r.Dimension).ThenBy(r => r.Key, StringComparer.Ordinal)];

    private static List<CsatRow> Sorted(IEnumerable<CsatRow> rows) => [.. rows.OrderBy(r => r.Key, StringComparer.Ordinal)];

    private static void Equal<T>(T expected, T actual, string what)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual) && !(expected is System.Collections.IEnumerable e && actual is System.Collections.IEnumerable a && e.Cast<object>().SequenceEqual(a.Cast<object>())))
            Assert.Fail($"{what}:\nexpected {Show(expected)}\nactual   {Show(actual)}");
    }

    private static string Show<T>(T value) => value is System.Collections.IEnumerable items and not string ? string.Join("; ", items.Cast<object>()) : $"{value}";
}
