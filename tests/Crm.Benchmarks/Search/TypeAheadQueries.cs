using Crm.Grains.Search;

namespace Crm.Benchmarks.Search;

/// <summary>
/// What people type into the search box, cut off mid-word: 1–3 words of a customer's name and company, of an email
/// address, the start of a phone number (its digits, 3 or more), or of a message, the last word a prefix of at least
/// two letters, and in half of them one typo (a letter swapped with its neighbour, replaced or dropped) in a word of
/// five letters or more. Every other query is asked as an
/// agent (internal notes searched), the rest as a sales rep (notes kept out): the permission filter of each role.
/// </summary>
public static class TypeAheadQueries
{
    public sealed record TypeAhead(string Text, bool IncludeInternalNotes);

    public static IReadOnlyList<TypeAhead> Make(SearchProfile profile, int count, int seed)
    {
        var random = new Random(seed);
        var queries = new List<TypeAhead>(count);
        while (queries.Count < count)
        {
            var words = (random.Next(10)) switch
            {
                < 4 => NameWords(random, profile),
                4 => [EmailStart(random, profile)],
                5 => PhoneStart(random, profile),
                _ => MessageWords(random, profile),
            };
            if (words.Count == 0) continue;
            var take = Math.Min(words.Count, 1 + random.Next(3));
            var start = random.Next(words.Count - take + 1);
            var typed = words.Skip(start).Take(take).ToList();
            var last = typed[^1];
            typed[^1] = last[..Math.Min(last.Length, Math.Max(2, random.Next(last.Length / 2, last.Length + 1)))];
            if (random.Next(2) == 0) Typo(random, typed);
            var text = string.Join(' ', typed);
            queries.Add(new TypeAhead(text, queries.Count % 2 == 0));
        }

        return queries;
    }

    private static List<string> NameWords(Random random, SearchProfile profile)
    {
        var customer = SearchWorkspace.CustomerAt(MainItem(random, profile.Customers));
        return Split($"{customer.Name} {customer.Company}");
    }

    private static string EmailStart(Random random, SearchProfile profile) =>
        SearchWorkspace.CustomerAt(MainItem(random, profile.Customers)).Email;

    /// <summary>The number's digits as typed into a search box, without spaces (a customer without one has none).</summary>
    private static List<string> PhoneStart(Random random, SearchProfile profile)
    {
        var digits = new string((SearchWorkspace.CustomerAt(MainItem(random, profile.Customers)).Phone ?? "").Where(char.IsAsciiDigit).ToArray());
        return digits.Length < 3 ? [] : [digits[..(3 + random.Next(digits.Length - 2))]];
    }

    private static List<string> MessageWords(Random random, SearchProfile profile)
    {
        var conversation = SearchWorkspace.ConversationAt(MainItem(random, profile.Conversations), profile.Customers);
        var message = conversation.Messages[random.Next(conversation.Messages.Count)];
        return Split(message.Body).Where(w => w.Length >= 3).ToList();
    }

    /// <summary>An item of the queried workspace (the other one holds every tenth).</summary>
    private static long MainItem(Random random, long count)
    {
        var n = random.NextInt64(count);
        return SearchWorkspace.WorkspaceOf(n) == SearchWorkspace.Main ? n : n - 1;
    }

    private static List<string> Split(string text) => SearchText.Words(text).Select(w => text.Substring(w.Start, w.Length).ToLowerInvariant()).ToList();

    private static void Typo(Random random, List<string> words)
    {
        var candidates = Enumerable.Range(0, words.Count).Where(i => words[i].Length >= 5 && words[i].All(char.IsLetter)).ToList();
        if (candidates.Count == 0) return;
        var index = candidates[random.Next(candidates.Count)];
        var word = words[index];
        // Never the first letter: people rarely get that wrong, and every engine counts on it.
        var at = 1 + random.Next(word.Length - 2);
        words[index] = random.Next(3) switch
        {
            0 => word[..at] + word[at + 1] + word[at] + word[(at + 2)..],
            1 => word[..at] + (char)('a' + random.Next(26)) + word[(at + 1)..],
            _ => word[..at] + word[(at + 1)..],
        };
    }
}
