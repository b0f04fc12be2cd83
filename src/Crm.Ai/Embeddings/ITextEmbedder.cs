namespace Crm.Ai.Embeddings;

/// <summary>Turns texts into unit-length vectors whose dot product is their cosine similarity.</summary>
public interface ITextEmbedder
{
    /// <summary>Names the model: stored with every embedding, so a different model re-embeds instead of mixing spaces.</summary>
    string ModelName { get; }

    Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken);
}
