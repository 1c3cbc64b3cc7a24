using System.Text.RegularExpressions;

namespace Kit.Embeddings;

/// <summary>The word tokenizer the n-gram metrics (BLEU, ROUGE) and BM25 share: lower case, runs of ASCII letters and digits (punctuation dropped).</summary>
public static partial class Words
{
    public static string[] Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToArray();
    }

    /// <summary>The n-grams of <paramref name="tokens"/> with their counts.</summary>
    public static Dictionary<string, int> NGrams(IReadOnlyList<string> tokens, int n)
    {
        var counts = new Dictionary<string, int>();
        for (int i = 0; i + n <= tokens.Count; i++)
        {
            var gram = string.Join(' ', tokens.Skip(i).Take(n));
            counts[gram] = counts.GetValueOrDefault(gram) + 1;
        }
        return counts;
    }

    [GeneratedRegex("[a-z0-9]+")]
    private static partial Regex WordPattern();
}
