using Crm.Ai.Text;

namespace Crm.Ai.Retrieval;

/// <summary>
/// Okapi BM25 over a fixed set of documents (k1 = 1.2, b = 0.75), built once per change of the corpus. Small on
/// purpose: a workspace's knowledge base is hundreds of passages, not millions.
/// </summary>
public sealed class Bm25
{
    private const double K1 = 1.2;
    private const double B = 0.75;
    private readonly Dictionary<string, int>[] _termCounts;
    private readonly int[] _lengths;
    private readonly Dictionary<string, double> _idf = new(StringComparer.Ordinal);
    private readonly double _averageLength;

    public Bm25(IReadOnlyList<IReadOnlyList<string>> documents)
    {
        _termCounts = new Dictionary<string, int>[documents.Count];
        _lengths = new int[documents.Count];
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < documents.Count; i++)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var term in documents[i]) counts[term] = counts.GetValueOrDefault(term) + 1;
            foreach (var term in counts.Keys) documentFrequency[term] = documentFrequency.GetValueOrDefault(term) + 1;
            _termCounts[i] = counts;
            _lengths[i] = documents[i].Count;
        }
        _averageLength = documents.Count == 0 ? 1 : Math.Max(1, _lengths.Average());
        foreach (var (term, df) in documentFrequency)
            _idf[term] = Math.Log(1 + (documents.Count - df + 0.5) / (df + 0.5));
    }

    public int Count => _lengths.Length;

    /// <summary>
    /// The term itself when the corpus has it; otherwise the corpus terms one typo away ("pasword" → "password"),
    /// counted at <see cref="TypoDiscount"/>: customers type fast, and BM25 alone never forgives a typo.
    /// </summary>
    private IEnumerable<(string Term, double Discount)> Expand(string term)
    {
        if (_idf.ContainsKey(term)) return [(term, 1)];
        if (term.Length < 4) return [];
        return _idf.Keys.Where(t => Math.Abs(t.Length - term.Length) <= 1 && EditDistance.WithinOne(term, t)).Select(t => (t, TypoDiscount));
    }

    private const double TypoDiscount = 0.7;

    /// <summary>The score of every document for the query's terms (0 for documents sharing none).</summary>
    public double[] Score(string query)
    {
        var scores = new double[_lengths.Length];
        foreach (var (term, discount) in TextTokens.Tokenize(query).Distinct().SelectMany(Expand))
        {
            var idf = _idf[term] * discount;
            for (var i = 0; i < scores.Length; i++)
            {
                if (!_termCounts[i].TryGetValue(term, out var tf)) continue;
                scores[i] += idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * _lengths[i] / _averageLength));
            }
        }
        return scores;
    }
}
