using System.Text.RegularExpressions;

namespace Kit.Retrieval;

/// <summary>A piece of a source text and where it lies in it (characters [Start, End)).</summary>
public sealed record Chunk(string Text, int Start, int End)
{
    /// <summary>How many characters of [start, end) this chunk covers.</summary>
    public int Overlap(int start, int end) => Math.Max(0, Math.Min(End, end) - Math.Max(Start, start));
}

/// <summary>The two usual ways of cutting a document before indexing it for retrieval.</summary>
public static partial class Chunking
{
    /// <summary>Windows of <paramref name="size"/> words, each starting <paramref name="size"/> − <paramref name="overlap"/> words after the last.</summary>
    public static List<Chunk> FixedSize(string text, int size, int overlap = 0)
    {
        CheckText(text);
        if (size < 1) throw new ArgumentOutOfRangeException(nameof(size), size, "a chunk holds at least one word.");
        if (overlap < 0 || overlap >= size) throw new ArgumentOutOfRangeException(nameof(overlap), overlap, $"overlap must be in [0, size) = [0, {size}).");
        var words = WordPattern().Matches(text).ToList();
        var chunks = new List<Chunk>();
        for (int first = 0; first < words.Count; first += size - overlap)
        {
            int last = Math.Min(first + size, words.Count) - 1;
            int start = words[first].Index, end = words[last].Index + words[last].Length;
            chunks.Add(new Chunk(text[start..end], start, end));
            if (last == words.Count - 1) break;
        }
        return chunks;
    }

    /// <summary>
    /// One chunk per paragraph (text between blank lines), a paragraph shorter than <paramref name="minWords"/> merged
    /// with the ones after it (headings join the text they head).
    /// </summary>
    public static List<Chunk> ByParagraph(string text, int minWords = 30)
    {
        CheckText(text);
        if (minWords < 1) throw new ArgumentOutOfRangeException(nameof(minWords), minWords, "minWords must be at least 1.");
        var chunks = new List<Chunk>();
        int? start = null;
        int end = 0, words = 0;
        foreach (Match p in ParagraphPattern().Matches(text))
        {
            start ??= p.Index;
            end = p.Index + p.Length;
            words += WordPattern().Count(p.Value);
            if (words < minWords) continue;
            chunks.Add(new Chunk(text[start.Value..end], start.Value, end));
            (start, words) = (null, 0);
        }
        if (start is int s) chunks.Add(new Chunk(text[s..end], s, end));
        return chunks;
    }

    static void CheckText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text)) throw new ArgumentException("the document is empty: there is nothing to chunk.", nameof(text));
    }

    [GeneratedRegex(@"\S+")]
    private static partial Regex WordPattern();

    // A paragraph: non-blank lines in a row.
    [GeneratedRegex(@"\S[^\n]*(\n[ \t]*\S[^\n]*)*")]
    private static partial Regex ParagraphPattern();
}
