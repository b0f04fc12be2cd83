using Crm.Ai.Embeddings;
using Crm.Ai.Engines;
using Crm.Ai.LanguageModel;
using Crm.Grains.Abstractions.Ai;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Ai.Tests.LanguageModel;

/// <summary>The engine is chosen once, at registration, from "Crm:Ai".</summary>
[Collection(EngineCollection.Name)]
public sealed class AddCrmAiTests(EngineFixture engine)
{
    [Fact]
    public void WithoutEndpoint_TheOfflineEngineAnswers() =>
        Assert.IsType<OfflineAssistant>(Resolve([]));

    [Fact]
    public void WithEndpointAndModel_TheLanguageModelWrapsTheOfflineEngine() =>
        Assert.IsType<LanguageModelAssistant>(Resolve(new() { ["Crm:Ai:Endpoint"] = "http://127.0.0.1:9/v1", ["Crm:Ai:Model"] = "m" }));

    [Fact]
    public void AnEndpointThatIsNoAddress_FailsAtStartup_NamingTheKey()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Resolve(new() { ["Crm:Ai:Endpoint"] = "api.example.com", ["Crm:Ai:Model"] = "m" }));
        Assert.Contains("Crm:Ai:Endpoint", error.Message, StringComparison.Ordinal);
    }

    private ISupportAssistant Resolve(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddCrmAi(Path.GetTempPath(), configuration);
        // The fixture's model, loaded once for all tests.
        services.AddSingleton<ITextEmbedder>(engine.Embedder);
        // The durable ledger needs a cluster (see DurableTokenBudgetTests); here only the engine choice matters.
        services.AddSingleton<ITokenLedger>(new MemoryTokenLedger());
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<ISupportAssistant>();
    }
}
