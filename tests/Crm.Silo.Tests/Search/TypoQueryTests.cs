using Crm.Silo.Infrastructure.Search.Lucene;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Xunit;

namespace Crm.Silo.Tests.Search;

/// <summary>
/// The typo query reuses compiled automata across searches; whatever it finds must be exactly what Lucene's own fuzzy
/// query finds, on the first ask (compiled) and every later one (cached), for any edit distance asked in any order.
/// </summary>
public sealed class TypoQueryTests : IDisposable
{
    private const string Name = "name";

    private static readonly string[] Words =
    [
        "kimberly", "kimberley", "kimbery", "kimball", "kimberlyn", "timberly", "alexandra", "alexander", "alexsandra",
        "zoe", "zoey", "joshua", "joshuah", "jsohua", "reynolds", "reynols", "😀smile", "😀smiley", "naïve",
    ];

    private readonly RAMDirectory directory = new();
    private readonly DirectoryReader reader;

    public TypoQueryTests()
    {
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneAnalyzers.Version, new WhitespaceAnalyzer(LuceneAnalyzers.Version))))
        {
            foreach (var word in Words) writer.AddDocument([new StringField(Name, word, Field.Store.NO)]);
        }

        reader = DirectoryReader.Open(directory);
    }

    [Theory]
    [InlineData("kimberly", 2)]
    [InlineData("kimberly", 1)]
    [InlineData("kimbrely", 2)]
    [InlineData("alexandr", 2)]
    [InlineData("joshua", 1)]
    [InlineData("zoe", 1)]
    [InlineData("😀smlie", 2)]
    [InlineData("naive", 1)]
    public void FindsWhatLucenesFuzzyQueryFinds_FirstAndCachedAsks(string word, int edits)
    {
        var expected = Matches(new FuzzyQuery(new Term(Name, word), edits, 1, 50, true));

        Assert.Equal(expected, Matches(new TypoQuery(new Term(Name, word), edits, 1, 50)));
        Assert.Equal(expected, Matches(new TypoQuery(new Term(Name, word), edits, 1, 50)));
    }

    [Fact]
    public void FewerEditsAskedFirst_MoreEditsLater_StillFindsTheFartherWords()
    {
        Matches(new TypoQuery(new Term(Name, "reynlds"), 1, 1, 50));

        var farther = Matches(new TypoQuery(new Term(Name, "reynlds"), 2, 1, 50));

        Assert.Equal(Matches(new FuzzyQuery(new Term(Name, "reynlds"), 2, 1, 50, true)), farther);
        Assert.Contains("reynolds", farther);
    }

    [Fact]
    public void ALoneSurrogate_IsAnsweredNotThrown()
    {
        var lone = "kim\ud83dberly";

        Assert.Equal(Matches(new FuzzyQuery(new Term(Name, lone), 2, 1, 50, true)), Matches(new TypoQuery(new Term(Name, lone), 2, 1, 50)));
    }

    private SortedSet<string> Matches(Query query)
    {
        var terms = new HashSet<Term>();
        query.Rewrite(reader).ExtractTerms(terms);
        return new SortedSet<string>(terms.Select(t => t.Text), StringComparer.Ordinal);
    }

    public void Dispose()
    {
        reader.Dispose();
        directory.Dispose();
    }
}
