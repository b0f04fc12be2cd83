using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Search;
using Crm.Grains.Search;
using Xunit;

namespace Crm.Silo.Tests.Search;

/// <summary>
/// What every search engine must answer, fed through the real indexing projection: prefixes, typos, phone formats,
/// email fragments, accents, other scripts, workspace isolation, notes only for those who may read them, and query
/// text that is never syntax. Run against Lucene always, and against a real Elasticsearch when CRM_ELASTICSEARCH_URL is set.
/// </summary>
public abstract class SearchIndexContractTests : IAsyncLifetime
{
    protected const string Ws = "acme";
    protected const string Other = "globex";

    private readonly SearchEvents events = new();
    private ISearchIndex? index;

    protected ISearchIndex Index => index ?? throw new InvalidOperationException("The index is not open.");

    protected abstract Task<ISearchIndex> OpenIndexAsync();

    protected abstract Task DeleteIndexAsync();

    public async Task InitializeAsync()
    {
        index = await OpenIndexAsync();
        await IndexAsync(
            events.Customer(Ws, "alex", "Alexandra Novak", "alexandra.novak@example.com", "+44 20 7946 0958", "Northwind Traders"),
            events.Customer(Ws, "zoe", "Zoë Ångström", "zoe.smith@contoso.org", "020 7946 0123"),
            events.Customer(Ws, "dmitry", "Дмитрий Иванов", "dmitry@example.ru"),
            events.Customer(Ws, "yamada", "山田太郎", "yamada@example.jp"),
            events.Customer(Ws, "mohammed", "محمد الأحمد", "m@example.ae"),
            events.Customer(Other, "alex2", "Alexandra Novak", "alex@globex.example"),
            events.Opened(Ws, "refund", "Refund for order 1042", "Alexandra Novak", Channel.Email),
            events.Message(Ws, "refund", "My parcel arrived damaged, I would like a refund please."),
            events.Message(Ws, "refund", "Escalated to the warehouse manager Bartholomew", MessageKind.Note),
            events.Labels(Ws, "refund", "billing", "vip"),
            events.Assigned(Ws, "refund", "ann", "Ann Agent"),
            events.Opened(Ws, "login", "Cannot sign in", "Zoë Ångström"),
            events.Message(Ws, "login", "The password reset email never arrives."),
            events.Status(Ws, "login", ConversationStatus.Resolved));
    }

    public async Task DisposeAsync()
    {
        (index as IDisposable)?.Dispose();
        await DeleteIndexAsync();
    }

    [EngineTheory]
    [InlineData("ale")]
    [InlineData("Alexandra")]
    [InlineData("alexandra nov")]
    [InlineData("north")]
    public async Task Search_PrefixOfNameOrCompany_FindsTheCustomer(string text) =>
        Assert.Contains("alex", await IdsAsync(text, SearchKind.Customer));

    [EngineTheory]
    [InlineData("Alexnadra")]
    [InlineData("alexandar novka")]
    [InlineData("Aleksandra")]
    public async Task Search_MisspeltName_FindsTheCustomer(string text) =>
        Assert.Contains("alex", await IdsAsync(text, SearchKind.Customer));

    [EngineTheory]
    [InlineData("+44 20 7946 0958")]
    [InlineData("020-7946-0958")]
    [InlineData("02079460958")]
    [InlineData("0044 20 7946 0958")]
    [InlineData("(020) 7946 0958")]
    [InlineData("7946 0958")]
    public async Task Search_PhoneInAnyCommonFormat_FindsTheCustomer(string text) =>
        Assert.Equal(["alex"], await IdsAsync(text, SearchKind.Customer));

    /// <summary>Typed as far as it goes: three or four digits are a gram, five or more a prefix of the number's tails.</summary>
    [EngineTheory]
    [InlineData("207")]
    [InlineData("020 79")]
    [InlineData("20794")]
    [InlineData("207946")]
    [InlineData("2079460")]
    [InlineData("94609")]
    [InlineData("0958")]
    public async Task Search_StartOfTheNumberOrOfAnyPartOfIt_FindsTheCustomer(string text) =>
        Assert.Contains("alex", await IdsAsync(text, SearchKind.Customer));

    [EngineFact]
    public async Task Search_InternationalFormOfANationallyStoredNumber_FindsTheCustomer() =>
        Assert.Equal(["zoe"], await IdsAsync("+44 20 7946 0123", SearchKind.Customer));

    [EngineTheory]
    [InlineData("zoe.smith@cont")]
    [InlineData("smith@contoso")]
    [InlineData("contoso.org")]
    [InlineData("alexandra.novak@")]
    public async Task Search_EmailFragment_FindsTheCustomer(string text)
    {
        var ids = await IdsAsync(text, SearchKind.Customer);
        Assert.Contains(text.StartsWith("alex", StringComparison.Ordinal) ? "alex" : "zoe", ids);
    }

    /// <summary>"co" typed as the start of a name or an address: never every customer whose address ends in ".com".</summary>
    [EngineFact]
    public async Task Search_StartOfATopLevelDomain_FindsOnlyAddressesWithAPartStartingSo()
    {
        var ids = await IdsAsync("co", SearchKind.Customer);

        Assert.Contains("zoe", ids);
        Assert.DoesNotContain("alex", ids);
    }

    [EngineTheory]
    [InlineData("zoe angstrom")]
    [InlineData("Zoë")]
    [InlineData("ÅNGSTRÖM")]
    public async Task Search_WithOrWithoutAccents_FindsTheCustomer(string text) =>
        Assert.Contains("zoe", await IdsAsync(text, SearchKind.Customer));

    [EngineTheory]
    [InlineData("Дми", "dmitry")]
    [InlineData("иванов", "dmitry")]
    [InlineData("山田", "yamada")]
    [InlineData("محمد", "mohammed")]
    public async Task Search_NameInAnotherScript_FindsTheCustomer(string text, string id) =>
        Assert.Contains(id, await IdsAsync(text, SearchKind.Customer));

    [EngineFact]
    public async Task Search_SameNameInAnotherWorkspace_NeverFindsIt()
    {
        var inAcme = await Index.SearchAsync(SearchQuery.Create(Ws, "alexandra", true), default);
        var inGlobex = await Index.SearchAsync(SearchQuery.Create(Other, "alexandra", true), default);

        Assert.DoesNotContain(inAcme.Hits, h => h.Id == "alex2");
        Assert.Equal(["alex2"], inGlobex.Hits.Select(h => h.Id));
    }

    [EngineFact]
    public async Task Search_WordOfAPublicMessage_FindsTheConversationWithTheWordMarked()
    {
        var results = await Index.SearchAsync(SearchQuery.Create(Ws, "damaged parcel", false), default);

        var hit = Assert.Single(results.Hits);
        Assert.Equal(("refund", SearchKind.Conversation, "message"), (hit.Id, hit.Kind, hit.SnippetSource));
        Assert.Equal(["parcel", "damaged"], hit.Snippet.Where(s => s.Match).Select(s => s.Text));
    }

    [EngineFact]
    public async Task Search_WordOnlyInAnInternalNote_FindsItOnlyForStaffWhoMayReadNotes()
    {
        var staff = await Index.SearchAsync(SearchQuery.Create(Ws, "bartholomew", includeInternalNotes: true), default);
        var others = await Index.SearchAsync(SearchQuery.Create(Ws, "bartholomew", includeInternalNotes: false), default);

        Assert.Equal(("refund", "note"), (Assert.Single(staff.Hits).Id, staff.Hits[0].SnippetSource));
        Assert.Empty(others.Hits);
        Assert.Equal(0, others.Total);
    }

    [EngineFact]
    public async Task Search_MisspeltName_MarksTheMatchedWordsInTheTitle()
    {
        var results = await Index.SearchAsync(SearchQuery.Create(Ws, "alexnadra", false, SearchKind.Customer), default);

        var hit = Assert.Single(results.Hits);
        Assert.Equal(["Alexandra"], hit.Title.Where(s => s.Match).Select(s => s.Text));
        Assert.Equal("Alexandra Novak", hit.TitleText);
    }

    [EngineFact]
    public async Task Search_Filters_NarrowToStatusLabelChannelAndAssignee()
    {
        Assert.Equal(["login"], await IdsAsync("", SearchKind.Conversation, status: "resolved"));
        Assert.Equal(["refund"], await IdsAsync("", label: "vip"));
        Assert.Equal(["refund"], await IdsAsync("", channel: "email"));
        Assert.Equal(["refund"], await IdsAsync("", assignee: "ann"));
        Assert.Empty(await IdsAsync("refund", status: "resolved"));
    }

    /// <summary>A filter value is one value, however it is written: one that spells two filters matches neither.</summary>
    [EngineFact]
    public async Task Search_FilterValueSpellingTwoFilters_IsOneValueThatMatchesNothing()
    {
        Assert.Equal(["refund"], await IdsAsync("", assignee: "ann", label: "vip"));
        Assert.Empty(await IdsAsync("", assignee: "ann +label:vip"));
    }

    [EngineFact]
    public async Task Search_WithFacets_CountsEveryMatchByKindStatusAndLabel()
    {
        var results = await Index.SearchAsync(SearchQuery.Create(Ws, "", true, kind: SearchKind.Conversation, withFacets: true, limit: 1), default);

        Assert.Equal(2, results.Total);
        Assert.Single(results.Hits);
        Assert.Equal([new FacetCount("conversation", 2)], results.Facets[SearchFacets.Kind]);
        Assert.Equal([new FacetCount("open", 1), new FacetCount("resolved", 1)], results.Facets[SearchFacets.Status]);
        Assert.Equal([new FacetCount("billing", 1), new FacetCount("vip", 1)], results.Facets[SearchFacets.Label]);
    }

    [EngineTheory]
    [InlineData(":")]
    [InlineData("\"alexandra")]
    [InlineData("(alexandra")]
    [InlineData("alexandra)")]
    [InlineData("alex*")]
    [InlineData("alex?")]
    [InlineData("alexandra~")]
    [InlineData("alexandra^2")]
    [InlineData("\\")]
    [InlineData("/alexandra/")]
    [InlineData("[alexandra TO zoe]")]
    [InlineData("alexandra.")]
    [InlineData("AND")]
    [InlineData("alexandra OR")]
    [InlineData("name:alexandra")]
    [InlineData("{}&&||!-+")]
    public async Task Search_QuerySyntaxCharacters_AreTextAndNeverThrow(string text)
    {
        var results = await Index.SearchAsync(SearchQuery.Create(Ws, text, true), default);

        // Every word must match somewhere: where the only word is the name, the customer is found.
        var words = SearchText.QueryWords(text);
        if (words.Count > 0 && words.All(w => w == "alexandra")) Assert.Contains(results.Hits, h => h.Id == "alex");
    }

    [EngineTheory]
    [InlineData("😀🎉")]
    [InlineData("שלום עולם")]
    [InlineData("\u200f\u202e")]
    public async Task Search_EmojiOrRightToLeftText_AnswersWithoutThrowing(string text) =>
        Assert.NotNull(await Index.SearchAsync(SearchQuery.Create(Ws, text, true), default));

    [EngineFact]
    public async Task Search_VeryLongQuery_IsCutAtTheStatedLimitAndSaysSo()
    {
        var query = SearchQuery.Create(Ws, "alexandra " + new string('x', 10_000), true);

        var results = await Index.SearchAsync(query, default);

        Assert.Equal(SearchLimits.MaxQueryLength, query.Text.Length);
        Assert.Contains($"{SearchLimits.MaxQueryLength} characters", results.Notice);
    }

    [EngineFact]
    public async Task HandleAsync_SameBatchTwice_ChangesNothing()
    {
        const string said = "Still waiting for the zebra email";
        var batch = new[] { events.Message(Ws, "login", said) };
        await IndexAsync(batch);
        await IndexAsync(batch);

        var documents = await Index.GetDocumentsAsync([SearchDocument.KeyOf(Ws, SearchKind.Conversation, "login")], default);

        // Folded once: the log counts the message once ("The password reset email never arrives." came before it).
        Assert.Equal("The password reset email never arrives.".Length + said.Length, documents.Values.Single().TextCharacters);
        Assert.Equal(["login"], await IdsAsync("zebra"));
    }

    [EngineFact]
    public async Task HandleAsync_BatchesBackToBack_EachSeesTheLastOnesWrites()
    {
        // No pause between them: the second batch reads the document back before any refresh could have run.
        await IndexAsync(events.Opened(Ws, "quick", "Three animals", "Quinn Quick"));
        await IndexAsync(events.Message(Ws, "quick", "First the walrus"));
        await IndexAsync(events.Message(Ws, "quick", "then the pelican"));
        await IndexAsync(events.Message(Ws, "quick", "and last the narwhal"));

        var document = (await Index.GetDocumentsAsync([SearchDocument.KeyOf(Ws, SearchKind.Conversation, "quick")], default)).Values.Single();

        Assert.Equal("First the walrus".Length + "then the pelican".Length + "and last the narwhal".Length, document.TextCharacters);
        Assert.Equal(["quick"], await IdsAsync("walrus"));
        Assert.Equal(["quick"], await IdsAsync("narwhal"));
    }

    [EngineFact]
    public async Task Search_WordsOfTheSubjectOrCustomerWithWordsOfALaterMessage_FindTheConversation()
    {
        await IndexAsync(events.Opened(Ws, "zoo", "Aquarium tickets", "Quinn Quick"));
        await IndexAsync(events.Message(Ws, "zoo", "Is the walrus show on today?"));
        await IndexAsync(events.Message(Ws, "zoo", "And do you sell pelican plush toys?"));

        Assert.Equal(["zoo"], await IdsAsync("aquarium walrus"));
        Assert.Equal(["zoo"], await IdsAsync("quinn pelican plu"));
        Assert.Equal(["zoo"], await IdsAsync("aquarim pelcan"));
        Assert.Empty(await IdsAsync("aquarium damaged"));
        var titled = Assert.Single((await Index.SearchAsync(SearchQuery.Create(Ws, "aquarium pelican", true), default)).Hits);
        Assert.Equal(["Aquarium"], titled.Title.Where(s => s.Match).Select(s => s.Text));
        var hit = Assert.Single((await Index.SearchAsync(SearchQuery.Create(Ws, "pelican", true), default)).Hits);
        Assert.Equal("message", hit.SnippetSource);
        Assert.Equal(["pelican"], hit.Snippet.Where(s => s.Match).Select(s => s.Text));
    }

    [EngineFact]
    public async Task Search_LongConversation_FindsWordsOfItsFirstAndLatestMessagesWithItsFilters()
    {
        // Long messages, so that the first ones are well past any window an engine keeps with the conversation itself.
        static string Long(string word) => $"{word} {string.Join(' ', Enumerable.Repeat("filler words about the order", 40))}";
        await IndexAsync(events.Opened(Ws, "saga", "Kitchen renovation", "Quinn Quick"));
        foreach (var word in new[] { "axolotl", "bandicoot", "capybara", "dugong" }) await IndexAsync(events.Message(Ws, "saga", Long(word)));
        await IndexAsync(events.Message(Ws, "saga", Long("echidna") + " flamingo", MessageKind.Note));
        await IndexAsync(events.Message(Ws, "saga", "Last one: gazelle"));
        await IndexAsync(events.Labels(Ws, "saga", "renovation"));

        foreach (var word in new[] { "axolotl", "capybara", "dugong", "gazelle", "kitchen axolotl", "quinn bandicoot", "axolot" })
            Assert.Equal(["saga"], await IdsAsync(word));
        Assert.Equal(["saga"], await IdsAsync("axolotl", label: "renovation"));
        Assert.Empty(await IdsAsync("axolotl", status: "resolved"));
        Assert.Equal(["saga"], await IdsAsync("flamingo"));
        Assert.Empty((await Index.SearchAsync(SearchQuery.Create(Ws, "flamingo", includeInternalNotes: false), default)).Hits);
        var hit = Assert.Single((await Index.SearchAsync(SearchQuery.Create(Ws, "axolotl", true, withFacets: true), default)).Hits);
        Assert.Equal("message", hit.SnippetSource);
        Assert.Equal(["axolotl"], hit.Snippet.Where(s => s.Match).Select(s => s.Text));
        var faceted = await Index.SearchAsync(SearchQuery.Create(Ws, "filler", true, withFacets: true), default);
        Assert.Equal(1, faceted.Total);
        Assert.Equal([new FacetCount("conversation", 1)], faceted.Facets[SearchFacets.Kind]);
    }

    [EngineFact]
    public async Task Search_AQuestionAndTheNextMessage_FoundTogetherHoweverTheConversationWasCut()
    {
        await IndexAsync(events.Opened(Ws, "tail", "Lost item", "Quinn Quick"));
        await IndexAsync(events.Message(Ws, "tail", string.Concat(Enumerable.Repeat("filler ", 284))));
        await IndexAsync(events.Message(Ws, "tail", "Where is my walrus?"));
        await IndexAsync(events.Message(Ws, "tail", "The pelican took it."));

        Assert.Equal(["tail"], await IdsAsync("walrus pelican"));
    }

    [EngineFact]
    public async Task Search_WordOfAMessageInAnotherWorkspace_NeverFindsIt()
    {
        await IndexAsync(events.Opened(Other, "secret", "Private matter", "Olga Other"));
        await IndexAsync(events.Message(Other, "secret", "The quokka password is on the fridge"));
        // Long enough that the quokka is in a sealed window, where an engine keeps one.
        await IndexAsync(events.Message(Other, "secret", string.Concat(Enumerable.Repeat("filler ", 300))));

        var inAcme = await Index.SearchAsync(SearchQuery.Create(Ws, "quokka", true, withFacets: true), default);

        Assert.Empty(inAcme.Hits);
        Assert.Equal(0, inAcme.Total);
        Assert.Equal(["secret"], (await Index.SearchAsync(SearchQuery.Create(Other, "quokka", true), default)).Hits.Select(h => h.Id));
    }

    [EngineFact]
    public async Task Search_MessageWord_HonoursTheConversationsFiltersAndStatusChangesAfterIt()
    {
        await IndexAsync(events.Opened(Ws, "late", "Order question", "Quinn Quick"));
        await IndexAsync(events.Message(Ws, "late", "Where is my armadillo figurine?"));
        Assert.Equal(["late"], await IdsAsync("armadillo", status: "open"));

        await IndexAsync(events.Status(Ws, "late", ConversationStatus.Resolved));

        Assert.Empty(await IdsAsync("armadillo", status: "open"));
        Assert.Equal(["late"], await IdsAsync("armadillo", status: "resolved"));
    }

    [EngineFact]
    public async Task HandleAsync_Batch_CommitsItsCheckpointWithTheDocuments()
    {
        await IndexAsync(events.Customer(Ws, "late", "Latecomer Person"));

        Assert.Equal(events.Position + 5, await Index.ReadCheckpointAsync(default));
    }

    [EngineFact]
    public async Task Articles_DraftPublishDelete_FoundWithTheirStatusUntilDeleted()
    {
        await IndexAsync(
            events.ArticleDrafted(Ws, "refunds", "Refund policy", "Refunds are paid back to the original card within five days."),
            events.ArticleDrafted(Other, "refunds", "Refund policy", "Another workspace's words."));
        Assert.Equal(["refunds"], await IdsAsync("refund pol", SearchKind.Article, status: "draft"));

        await IndexAsync(events.ArticlePublished(Ws, "refunds", "Refund policy", "Refunds are paid back to the original card within five days."));
        Assert.Equal(["refunds"], await IdsAsync("original card", SearchKind.Article, status: "published"));

        await IndexAsync(events.ArticleDeleted(Ws, "refunds"));
        Assert.Empty(await IdsAsync("refund", SearchKind.Article));
        Assert.Empty(await IdsAsync("", SearchKind.Article));
        // The other workspace's article of the same id is untouched.
        Assert.Single((await Index.SearchAsync(SearchQuery.Create(Other, "refund", true, SearchKind.Article), default)).Hits);
    }

    [EngineFact]
    public async Task Deals_CreatedRenamedWon_FoundByPrefixOnlyWhenTheQueryIncludesDeals()
    {
        await IndexAsync(
            events.DealCreated(Ws, "gearbox", "Gearbox retrofit", "sam", 1200m, "EUR"),
            events.DealCreated(Other, "gearbox-2", "Gearbox retrofit", "sam", 1200m, "EUR"));
        Assert.Equal(["gearbox"], await DealIdsAsync("gearb", includeDeals: true, status: "open"));

        await IndexAsync(
            events.DealUpdated(Ws, "gearbox", "Turbine overhaul", "kim", 1500m, "EUR"),
            events.DealStageChanged(Ws, "gearbox", "won", "Won", Grains.Abstractions.Pipelines.StageOutcome.Won));
        var hit = Assert.Single((await DealSearchAsync("turbine over", includeDeals: true)).Hits);
        Assert.Equal((SearchKind.Deal, "gearbox", "Turbine overhaul", "1,500 EUR · Won", "won"), (hit.Kind, hit.Id, hit.TitleText, hit.Subtitle, hit.Status));
        Assert.Equal(["gearbox"], await DealIdsAsync("turb", includeDeals: true, status: "won", assignee: "kim"));
        // The old name is gone, and the other workspace's deal of that name is never found here.
        Assert.Empty(await DealIdsAsync("gearbox", includeDeals: true));

        // A user who may not see deals: no hit, whether by words, by kind or by listing, and no count in the facets.
        Assert.Empty(await DealIdsAsync("turb", includeDeals: false));
        Assert.Empty(await DealIdsAsync("turbine overhaul", includeDeals: false, kind: SearchKind.Deal));
        Assert.Empty(await DealIdsAsync("", includeDeals: false, kind: SearchKind.Deal));
        Assert.Equal(["gearbox"], await DealIdsAsync("", includeDeals: true, kind: SearchKind.Deal));
        var hidden = await DealSearchAsync("turbine", includeDeals: false);
        Assert.DoesNotContain(hidden.Facets.GetValueOrDefault(SearchFacets.Kind) ?? [], f => f.Value == "deal");
        Assert.DoesNotContain(hidden.Facets.GetValueOrDefault(SearchFacets.Status) ?? [], f => f.Value == "won");
        Assert.Contains(new FacetCount("deal", 1), (await DealSearchAsync("turbine", includeDeals: true)).Facets[SearchFacets.Kind]);
    }

    /// <summary>
    /// The advanced search's date range, on the last change: inclusive at both ends, open at either, with words or
    /// without, and never letting a conversation's messages (its log) through on their own. The fixture's events are a
    /// minute apart from 09:00: customers at 09:01–09:06, the refund conversation last changed at 09:11, the login one at 09:14.
    /// </summary>
    [EngineFact]
    public async Task Search_DateRange_KeepsOnlyWhatChangedInIt()
    {
        var nine = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
        async Task<IReadOnlyList<string>> InRange(string text, int? fromMinute, int? toMinute) =>
            (await Index.SearchAsync(SearchQuery.Create(Ws, text, true,
                from: fromMinute is { } f ? nine.AddMinutes(f) : null, to: toMinute is { } t ? nine.AddMinutes(t) : null), default))
            .Hits.Select(h => h.Id).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(["dmitry", "yamada", "zoe"], await InRange("", 2, 4));
        Assert.Equal(["login", "refund"], await InRange("", 11, null));
        Assert.Equal(["alex", "dmitry", "mohammed", "yamada", "zoe"], await InRange("", null, 5));
        Assert.Equal(["refund"], await InRange("parcel", 10, 12));
        Assert.Empty(await InRange("parcel", 12, null));
        Assert.Empty(await InRange("alexandra", 2, 4));
    }

    protected async Task IndexAsync(params StoredEvent[] batch) =>
        await new SearchIndexProjection(Index).HandleAsync(batch, batch.Max(e => e.Position) + 5, default);

    private Task<SearchResults> DealSearchAsync(string text, bool includeDeals, SearchKind? kind = null, string? status = null, string? assignee = null) =>
        Index.SearchAsync(SearchQuery.Create(Ws, text, true, kind, status, assignee, withFacets: true, includeDeals: includeDeals), default);

    private async Task<IReadOnlyList<string>> DealIdsAsync(
        string text, bool includeDeals, SearchKind? kind = null, string? status = null, string? assignee = null) =>
        (await DealSearchAsync(text, includeDeals, kind, status, assignee)).Hits.Select(h => h.Id).ToList();

    private async Task<IReadOnlyList<string>> IdsAsync(
        string text, SearchKind? kind = null, string? status = null, string? label = null, string? channel = null, string? assignee = null) =>
        (await Index.SearchAsync(SearchQuery.Create(Ws, text, true, kind, status, assignee, label, channel), default)).Hits.Select(h => h.Id).ToList();
}
