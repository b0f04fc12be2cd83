using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.NGram;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Crm.Silo.Infrastructure.Search.Lucene;

/// <summary>
/// Words: the Unicode standard tokenizer (every script; CJK as single characters), lower case, accents folded
/// (Zoë → zoe). Grams: the same words cut into their first 1–20 characters, so a typed prefix is one term lookup.
/// Emails and phones arrive pre-split (see EmailFragments, PhoneNumbers), one value per line, and are only folded, kept
/// whole and cut into short prefixes. Grams of every length of every fragment made most of an index's terms unique to one document:
/// writing and merging those terms was most of the cost of indexing a customer.
/// </summary>
internal static class LuceneAnalyzers
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public static Analyzer Words { get; } = Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new StandardTokenizer(Version, reader) { MaxTokenLength = 255 };
        return new TokenStreamComponents(tokenizer, new ASCIIFoldingFilter(new LowerCaseFilter(Version, tokenizer)));
    });

    private static Analyzer WordGrams { get; } = Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new StandardTokenizer(Version, reader) { MaxTokenLength = 255 };
        TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(Version, tokenizer));
        return new TokenStreamComponents(tokenizer, new EdgeNGramTokenFilter(Version, stream, 1, 20));
    });

    private static Analyzer Keywords { get; } = Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new LineTokenizer(reader);
        return new TokenStreamComponents(tokenizer, new ASCIIFoldingFilter(new LowerCaseFilter(Version, tokenizer)));
    });

    private static Analyzer KeywordGrams(int minGram, int maxGram) => Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new LineTokenizer(reader);
        TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(Version, tokenizer));
        return new TokenStreamComponents(tokenizer, new EdgeNGramTokenFilter(Version, stream, minGram, maxGram));
    });

    /// <summary>What the index writer analyses each field with.</summary>
    public static Analyzer Index { get; } = new PerFieldAnalyzerWrapper(Words, new Dictionary<string, Analyzer>
    {
        [LuceneFields.NameGrams] = WordGrams,
        [LuceneFields.Email] = Keywords,
        [LuceneFields.EmailGrams] = KeywordGrams(2, LuceneFields.EmailGramLength),
        [LuceneFields.Phone] = Keywords,
        [LuceneFields.PhoneGrams] = KeywordGrams(3, LuceneFields.PhoneGramLength),
    });

    /// <summary>The separator of a field's several values written as one (see <see cref="LuceneDocuments"/>).</summary>
    public const char ValueSeparator = '\n';

    /// <summary>
    /// Each line one token, whole: a document's emails (or phone tails) are one field of one value per line rather than a
    /// field per value, since each field costs the writer a reader, a token stream and a pass of its own (a customer
    /// with one phone number had a dozen). Values come without line breaks (see EmailFragments, PhoneNumbers).
    /// </summary>
    private sealed class LineTokenizer(TextReader reader) : CharTokenizer(Version, reader)
    {
        protected override bool IsTokenChar(int c) => c != ValueSeparator;
    }

    /// <summary>The words of <paramref name="text"/> as the index holds them.</summary>
    public static IReadOnlyList<string> Terms(string text)
    {
        var terms = new List<string>();
        using var stream = Words.GetTokenStream(LuceneFields.Name, text);
        var term = stream.AddAttribute<global::Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) terms.Add(term.ToString());
        stream.End();
        return terms;
    }
}
