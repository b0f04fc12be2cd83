using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Lucene.Net.Util.Automaton;

namespace Crm.Silo.Infrastructure.Search.Lucene;

/// <summary>
/// A <see cref="FuzzyQuery"/> whose Levenshtein automata come from a cache shared by every search. Lucene compiles a
/// word's automata (one per edit distance) afresh for each fuzzy clause of each search: a typed word asks for them
/// three times in one search (names, messages, notes), twice more when the conversation logs are joined, and again on
/// every keystroke that follows it ("kimberly w", "kimberly wi", …). Compiling them was about 30% of a type-ahead
/// search's CPU; finding the words with them, under 3%. The automata depend on the word alone, never on the index, and
/// Lucene reads them from several threads already (it shares them across segments), so one copy serves everybody.
/// </summary>
internal sealed class TypoQuery(Term term, int maxEdits, int prefixLength, int maxExpansions)
    : FuzzyQuery(term, maxEdits, prefixLength, maxExpansions, transpositions: true)
{
    protected override TermsEnum GetTermsEnum(Terms terms, AttributeSource atts)
    {
        // The attribute is how Lucene hands a clause's automata from one segment to the next; filled before the first
        // segment, it is what Lucene finds, and it compiles nothing.
        if (MaxEdits > 0 && PrefixLength < Term.Text.Length)
        {
            var automata = atts.AddAttribute<FuzzyTermsEnum.ILevenshteinAutomataAttribute>().Automata;
            if (automata.Count == 0)
            {
                var compiled = LevenshteinCache.Get(Term.Text, PrefixLength, MaxEdits);
                for (var edits = 0; edits <= MaxEdits; edits++) automata.Add(compiled[edits]);
            }
        }

        return base.GetTermsEnum(terms, atts);
    }

    /// <summary>Compiled automata by word and prefix length, for distances 0 to 2 (what FuzzyTermsEnum builds for them).</summary>
    internal static class LevenshteinCache
    {
        /// <summary>
        /// Words typed lately. A compiled word is tens of kilobytes at most; past this many the cache starts over, as the
        /// indexer's memory of recent documents does: type-ahead reuses a word within seconds or not at all.
        /// </summary>
        private const int Capacity = 1_024;

        private static readonly ConcurrentDictionary<(string Text, int Prefix), CompiledAutomaton[]> Compiled = new();

        /// <summary>The word's automata for 0 edits up to at least <paramref name="maxEdits"/> (index = edit distance).</summary>
        public static CompiledAutomaton[] Get(string text, int prefixLength, int maxEdits)
        {
            var key = (text, prefixLength);
            if (Compiled.TryGetValue(key, out var known) && known.Length > maxEdits) return known;
            var built = Build(text, prefixLength, Math.Max(maxEdits, known?.Length - 1 ?? 0));
            if (Compiled.Count >= Capacity) Compiled.Clear();
            Compiled[key] = built;
            return built;
        }

        /// <summary>Exactly as FuzzyTermsEnum compiles them (with transpositions), so results are the same with or without the cache.</summary>
        private static CompiledAutomaton[] Build(string text, int prefixLength, int maxEdits)
        {
            var codePoints = new List<int>(text.Length);
            for (var i = 0; i < text.Length; i++)
            {
                // A lone surrogate stays one code point, as Java's codePointAt (which Lucene follows) reads it.
                if (char.IsSurrogatePair(text, i)) codePoints.Add(char.ConvertToUtf32(text[i], text[++i]));
                else codePoints.Add(text[i]);
            }
            var points = codePoints.ToArray();
            var prefix = Math.Min(prefixLength, points.Length);
            var builder = new LevenshteinAutomata(UnicodeUtil.NewString(points, prefix, points.Length - prefix), true);
            var built = new CompiledAutomaton[maxEdits + 1];
            for (var edits = 0; edits <= maxEdits; edits++)
            {
                var automaton = builder.ToAutomaton(edits);
                if (prefix > 0) automaton = BasicOperations.Concatenate(BasicAutomata.MakeString(UnicodeUtil.NewString(points, 0, prefix)), automaton);
                built[edits] = new CompiledAutomaton(automaton, true, false);
            }

            return built;
        }
    }
}
