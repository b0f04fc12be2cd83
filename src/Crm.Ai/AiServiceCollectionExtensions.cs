using Crm.Ai.Embeddings;
using Crm.Ai.Engines;
using Crm.Ai.Projections;
using Crm.Ai.Retrieval;
using Crm.Grains.Abstractions.Ai;
using Crm.Grains.Abstractions.Projections;
using Crm.Grains.Projections;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Ai;

public static class AiServiceCollectionExtensions
{
    /// <summary>
    /// The offline engine behind <see cref="ISupportAssistant"/>: one MiniLM model per process, the knowledge index, and
    /// the embeddings projection (registered as an <see cref="IProjection"/> for the projection runner), whose file lives
    /// in <paramref name="folder"/>.
    /// </summary>
    public static IServiceCollection AddCrmAi(this IServiceCollection services, string folder)
    {
        services.AddSingleton<ITextEmbedder, MiniLmEmbedder>();
        services.AddSingleton<KnowledgeIndex>();
        services.AddSingleton<ArticleEmbedder>();
        services.AddSingleton<ILexicalScorer, PassageBm25Scorer>();
        services.AddSingleton<HybridRetriever>();
        services.AddSingleton<ISupportAssistant>(sp => new OfflineAssistant(sp.GetRequiredService<HybridRetriever>()));
        services.AddSingleton(sp => new ArticleEmbeddingsProjection(sp.GetRequiredService<KnowledgeIndex>(), sp.GetRequiredService<ArticleEmbedder>(), folder));
        // The vectors live in this process, so every node keeps its own copy up to date.
        services.AddCrmNodeProjection(sp => sp.GetRequiredService<ArticleEmbeddingsProjection>());
        return services;
    }
}
