using Crm.Ai.Embeddings;
using Crm.Ai.LanguageModel;
using Crm.Ai.Engines;
using Crm.Ai.Projections;
using Crm.Ai.Retrieval;
using Crm.Grains.Abstractions.Ai;
using Crm.Grains.Ai;
using Crm.Grains.Abstractions.Projections;
using Crm.Grains.Projections;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Crm.Ai;

public static class AiServiceCollectionExtensions
{
    /// <summary>
    /// The engine behind <see cref="ISupportAssistant"/>: one MiniLM model per process, the knowledge index, and the
    /// embeddings projection (registered as an <see cref="IProjection"/> for the projection runner), whose file lives in
    /// <paramref name="folder"/>. The offline engine answers unless "Crm:Ai" names an endpoint and a model: then the
    /// language-model engine wraps it, chosen here once rather than per call.
    /// </summary>
    public static IServiceCollection AddCrmAi(this IServiceCollection services, string folder, IConfiguration? configuration = null)
    {
        var options = new AiOptions();
        configuration?.GetSection(AiOptions.SectionName).Bind(options);
        options.Validate();
        services.AddSingleton(options);
        services.AddSingleton<ITextEmbedder, MiniLmEmbedder>();
        services.AddSingleton<KnowledgeIndex>();
        services.AddSingleton<ArticleEmbedder>();
        services.AddSingleton<ILexicalScorer, PassageBm25Scorer>();
        services.AddSingleton<HybridRetriever>();
        services.AddSingleton(sp => new OfflineAssistant(sp.GetRequiredService<HybridRetriever>()));
        if (options.UsesLanguageModel)
        {
            // Tokens go to the workspace's usage grain, so the budget holds across nodes and restarts.
            services.AddSingleton<ITokenLedger, GrainTokenLedger>();
            services.AddSingleton<ISupportAssistant>(sp => new LanguageModelAssistant(sp.GetRequiredService<OfflineAssistant>(),
                sp.GetRequiredService<KnowledgeIndex>(), LanguageModelConnector.Create(options), options, sp.GetRequiredService<ITokenLedger>(),
                sp.GetService<ILogger<LanguageModelAssistant>>()));
        }
        else
            services.AddSingleton<ISupportAssistant>(sp => sp.GetRequiredService<OfflineAssistant>());
        services.AddSingleton<FollowUpPlanner>();
        if (options.UsesLanguageModel)
            services.AddSingleton<ISalesAssistant>(sp => new FollowUpDrafter(sp.GetRequiredService<FollowUpPlanner>(), LanguageModelConnector.Create(options),
                options, sp.GetRequiredService<ITokenLedger>(), sp.GetService<ILogger<FollowUpDrafter>>()));
        else
            services.AddSingleton<ISalesAssistant>(sp => sp.GetRequiredService<FollowUpPlanner>());
        services.AddSingleton(sp => new ArticleEmbeddingsProjection(sp.GetRequiredService<KnowledgeIndex>(), sp.GetRequiredService<ArticleEmbedder>(), folder));
        // The vectors live in this process, so every node keeps its own copy up to date.
        services.AddCrmNodeProjection(sp => sp.GetRequiredService<ArticleEmbeddingsProjection>());
        return services;
    }
}
