using Crm.Ai.Embeddings;
using Crm.Ai.Engines;
using Crm.Ai.Retrieval;
using Crm.Grains.Abstractions.KnowledgeBase;

namespace Crm.Ai.Tests;

/// <summary>One real MiniLM model and a small knowledge base in two workspaces, shared by the engine tests (loading the model takes seconds).</summary>
public sealed class EngineFixture : IDisposable
{
    public const string Workspace = "w1";
    public const string OtherWorkspace = "w2";

    public EngineFixture()
    {
        Embedder = new MiniLmEmbedder();
        Index = new KnowledgeIndex();
        var articles = new ArticleEmbedder(Embedder);
        foreach (var article in Articles)
            Index.Upsert(articles.EmbedAsync(article, CancellationToken.None).GetAwaiter().GetResult());
        Retriever = new HybridRetriever(Index, new PassageBm25Scorer(Index), Embedder);
        Assistant = new OfflineAssistant(Retriever);
    }

    public MiniLmEmbedder Embedder { get; }
    public KnowledgeIndex Index { get; }
    public HybridRetriever Retriever { get; }
    public OfflineAssistant Assistant { get; }

    public static readonly PublishedArticle[] Articles =
    [
        Article(Workspace, "reset", "Reset your password", "Account",
            "If you forgot your password, open the sign-in page and click **Forgot password?**. We email you a reset link that works once."),
        Article(Workspace, "missing", "My package says delivered but it is not here", "Shipping",
            "Look around your property and with your neighbours first.\n\n## Still missing\nContact us within 14 days with your order number and we open a claim with the carrier."),
        Article(Workspace, "refunds", "Our refund policy", "Billing",
            "We refund any order within 30 days of delivery. Card refunds appear on your statement within 5–10 business days."),
        Article(OtherWorkspace, "secret", "Reset your password at Other Corp", "Account",
            "Other Corp resets passwords by phone only: call our secret hotline."),
    ];

    private static PublishedArticle Article(string workspace, string id, string title, string category, string body) =>
        new(workspace, id, id, title, category, body, 1, DateTimeOffset.UnixEpoch);

    public void Dispose() => Embedder.Dispose();
}

[CollectionDefinition(Name)]
public sealed class EngineCollection : ICollectionFixture<EngineFixture>
{
    public const string Name = "offline engine";
}
