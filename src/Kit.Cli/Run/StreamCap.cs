using System.Globalization;
using System.Text;

namespace Kit.Cli.Run;

/// <summary>
/// Keeps a cell's stream text (stdout and stderr together, in the order written) to a size a notebook viewer and a
/// browser handle: the first and the last half of the limit, cut at line ends where there are any, with a marker
/// line between them saying how many lines and bytes were left out. Linear in the text's size.
/// </summary>
internal static class StreamCap
{
    /// <summary>Characters of stream text a cell keeps by default (about 1 MB of plain text).</summary>
    public const int DefaultMaxChars = 1_000_000;

    /// <summary>How the marker line starts, so that a page can show it apart from the cell's own text.</summary>
    public const string MarkerStart = "[kit run: ";

    /// <summary>
    /// The kept text of each stream output, given their texts in order; null for an output left out entirely.
    /// <paramref name="maxChars"/> of 0 keeps everything.
    /// </summary>
    public static string?[] Apply(IReadOnlyList<string> texts, int maxChars)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxChars);
        var kept = texts.ToArray<string?>();
        long total = texts.Sum(t => (long)t.Length);
        if (maxChars == 0 || total <= maxChars) return kept;

        var all = string.Concat(texts);
        var half = maxChars / 2;
        var head = HeadEnd(all, half);
        var tail = TailStart(all, all.Length - half);
        var marker = Marker(all.AsSpan(head, tail - head), half, startsLine: head == 0 || all[head - 1] == '\n');

        var start = 0;
        for (var i = 0; i < texts.Count; i++)
        {
            var end = start + texts[i].Length;
            var text = new StringBuilder();
            if (start < head) text.Append(all, start, Math.Min(end, head) - start);
            if (start <= head && head < end) text.Append(marker);
            if (end > tail) text.Append(all, Math.Max(start, tail), end - Math.Max(start, tail));
            kept[i] = text.Length == 0 ? null : text.ToString();
            start = end;
        }
        return kept;
    }

    /// <summary>Where the kept head ends: after the last line end within the first <paramref name="limit"/> characters.</summary>
    private static int HeadEnd(string all, int limit)
    {
        if (limit == 0) return 0;
        var lineEnd = all.LastIndexOf('\n', limit - 1, limit);
        if (lineEnd >= 0) return lineEnd + 1;
        return limit > 0 && char.IsHighSurrogate(all[limit - 1]) ? limit - 1 : limit;
    }

    /// <summary>Where the kept tail starts: at the first line start from <paramref name="from"/> on.</summary>
    private static int TailStart(string all, int from)
    {
        if (from == all.Length || all[from - 1] == '\n') return from;
        var lineEnd = all.IndexOf('\n', from);
        if (lineEnd >= 0 && lineEnd + 1 < all.Length) return lineEnd + 1;
        return char.IsLowSurrogate(all[from]) ? from + 1 : from;
    }

    private static string Marker(ReadOnlySpan<char> leftOut, int half, bool startsLine)
    {
        var lines = leftOut.Count('\n') + (leftOut.Length > 0 && leftOut[^1] != '\n' ? 1 : 0);
        var size = Size(Encoding.UTF8.GetByteCount(leftOut));
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{MarkerStart}{lines:N0} {(lines == 1 ? "line" : "lines")} ({size}) of output left out here; a cell keeps its first and last {half:N0} characters (kit run --max-output)]\n");
        return startsLine ? text : "\n" + text;
    }

    private static string Size(long bytes) => bytes switch
    {
        >= 1_000_000 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e6:0.0} MB"),
        >= 1_000 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e3:0.0} kB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
    };
}
