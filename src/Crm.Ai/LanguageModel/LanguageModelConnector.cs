using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI;

namespace Crm.Ai.LanguageModel;

/// <summary>The Semantic Kernel chat service for the configured OpenAI-compatible endpoint.</summary>
public static class LanguageModelConnector
{
    public static IChatCompletionService Create(AiOptions options, HttpClient? httpClient = null)
    {
        httpClient ??= new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), ConnectTimeout = options.Timeout })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = new Uri(options.Endpoint!),
            Transport = new HttpClientPipelineTransport(httpClient),
            // A draft has one deadline (the caller's linked token): retries with backoff would only spend it waiting.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = options.Timeout,
        };
        // Endpoints without keys (a local server) still get a bearer header: the SDK requires a credential.
        var key = new ApiKeyCredential(string.IsNullOrWhiteSpace(options.ApiKey) ? "none" : options.ApiKey);
        return new OpenAIChatCompletionService(options.Model!, new OpenAIClient(key, clientOptions));
    }
}
