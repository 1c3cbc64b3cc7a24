using Kit.Cli.Run;

namespace Kit.Cli.Tests;

public sealed class StreamCapTests
{
    /// <summary>Lines "0000000xx…x\n" of 100 characters each, numbered from <paramref name="from"/>.</summary>
    private static string Lines(int from, int count) =>
        string.Concat(Enumerable.Range(from, count).Select(i => $"{i:D7}{new string('x', 92)}\n"));

    [Fact]
    public void Text_within_the_cap_is_kept_as_it_is()
    {
        string[] texts = [Lines(0, 5), "no line end", Lines(5, 4)];
        Assert.Equal(texts, StreamCap.Apply(texts, 1000));
    }

    [Fact]
    public void A_cap_of_zero_keeps_everything()
    {
        string[] texts = [Lines(0, 1000)];
        Assert.Equal(texts, StreamCap.Apply(texts, 0));
    }

    [Fact]
    public void Text_over_the_cap_keeps_its_first_and_last_whole_lines_and_says_how_much_was_left_out()
    {
        // 50 lines of 100 characters, cap 1000: lines 0-4 and 45-49 stay, 40 lines (4,000 bytes) go.
        var kept = Assert.Single(StreamCap.Apply([Lines(0, 50)], 1000))!;
        var marker = "[kit run: 40 lines (4.0 kB) of output left out here; a cell keeps its first and last 500 characters (kit run --max-output)]\n";
        Assert.Equal(Lines(0, 5) + marker + Lines(45, 5), kept);
    }

    [Fact]
    public void The_cap_spans_all_stream_outputs_of_a_cell_and_drops_those_wholly_in_the_middle()
    {
        // stdout 0-29, stderr 30-39, stdout 40-49 (5,000 characters), cap 2000: lines 0-9 and 40-49 stay.
        var kept = StreamCap.Apply([Lines(0, 30), Lines(30, 10), Lines(40, 10)], 2000);
        Assert.StartsWith(Lines(0, 10) + StreamCap.MarkerStart + "30 lines (3.0 kB) of output left out here", kept[0]);
        Assert.EndsWith("(kit run --max-output)]\n", kept[0]);
        Assert.Null(kept[1]);
        Assert.Equal(Lines(40, 10), kept[2]);
    }

    [Fact]
    public void One_long_line_is_cut_at_the_cap_on_its_own_line_with_the_marker()
    {
        var kept = Assert.Single(StreamCap.Apply([new string('a', 5000) + new string('b', 5000)], 1000))!;
        Assert.StartsWith(new string('a', 500) + "\n" + StreamCap.MarkerStart + "1 line (9.0 kB)", kept);
        Assert.EndsWith("]\n" + new string('b', 500), kept);
    }

    [Fact]
    public void A_cut_never_splits_a_surrogate_pair()
    {
        // 2,000 UTF-16 characters, no line end; a cap of 1002 keeps 501 at each end, which would end and start mid-pair.
        var text = string.Concat(Enumerable.Repeat("😀", 1000));
        var kept = Assert.Single(StreamCap.Apply([text], 1002))!;
        Assert.DoesNotContain(System.Text.Rune.ReplacementChar, kept.EnumerateRunes());
        Assert.StartsWith(string.Concat(Enumerable.Repeat("😀", 250)) + "\n" + StreamCap.MarkerStart, kept);
        Assert.EndsWith("]\n" + string.Concat(Enumerable.Repeat("😀", 250)), kept);
    }

    [Fact]
    public void A_negative_cap_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => StreamCap.Apply(["x"], -1));
}
