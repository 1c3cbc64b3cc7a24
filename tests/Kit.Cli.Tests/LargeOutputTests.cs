using Kit.Cli.Run;

namespace Kit.Cli.Tests;

/// <summary>
/// `kit run` over a notebook whose first cell prints 5,000,000 characters in 50,000 writes and whose second prints a
/// little. Before output was collected in linear time, the first cell alone ran for many minutes.
/// </summary>
public sealed class LargeOutputRun
{
    public LargeOutputRun() => Out = Run();

    /// <summary>The folder the run with the default cap wrote to.</summary>
    public string Out { get; }

    public JsonNode Written => JsonNode.Parse(File.ReadAllText(Path.Combine(Out, "large-output.ipynb")))!;

    public static string Run(params string[] options)
    {
        var root = KitProcess.TempFolder("large-output");
        KitProcess.CopyFolder(Path.Combine(KitProcess.Fixtures, "large-output"), Path.Combine(root, "notebooks"));
        var result = KitProcess.Run(root, null, ["run", "notebooks/large-output.ipynb", "--out", "out", .. options]);
        Assert.True(result.ExitCode == 0, result.All);
        return Path.Combine(root, "out");
    }

    public static string Line(int i) => $"{i:D7}{new string('x', 92)}\n";

    public static List<string> StreamLines(JsonNode notebook, int cell, int output = 0) =>
        notebook["cells"]![cell]!["outputs"]![output]!["text"]!.AsArray().Select(l => (string)l!).ToList();
}

public sealed class LargeOutputTests(LargeOutputRun run) : IClassFixture<LargeOutputRun>
{
    [Fact]
    public void A_cell_printing_5_MB_finishes_and_keeps_its_first_and_last_half_MB_with_a_marker_saying_what_was_cut()
    {
        var ipynb = Path.Combine(run.Out, "large-output.ipynb");
        var nb = run.Written;

        // 1,000,000 characters kept: lines 0-4999 and 45000-49999; 40,000 lines of 100 bytes left out.
        var lines = LargeOutputRun.StreamLines(nb, 0);
        var marker = "[kit run: 40,000 lines (4.0 MB) of output left out here; a cell keeps its first and last 500,000 characters (kit run --max-output)]\n";
        Assert.Equal(10_001, lines.Count);
        Assert.Equal(LargeOutputRun.Line(0), lines[0]);
        Assert.Equal(LargeOutputRun.Line(4999), lines[4999]);
        Assert.Equal(marker, lines[5000]);
        Assert.Equal(LargeOutputRun.Line(45_000), lines[5001]);
        Assert.Equal(LargeOutputRun.Line(49_999), lines[^1]);
        Assert.True(lines.Sum(l => l.Length) - marker.Length <= StreamCap.DefaultMaxChars);
        Assert.True(new FileInfo(ipynb).Length < 1_200_000, $"{ipynb}: {new FileInfo(ipynb).Length} bytes");

        var html = File.ReadAllText(Path.Combine(run.Out, "large-output.html"));
        Assert.Contains($"<span class=\"cut\">{marker.TrimEnd('\n')}</span>", html);
        Assert.True(html.Length < 1_100_000, $"page: {html.Length} characters");
    }

    [Fact]
    public void Small_output_next_to_a_capped_cell_is_kept_as_it_is()
    {
        var nb = run.Written;
        Assert.Equal(["small\n"], LargeOutputRun.StreamLines(nb, 1, 0));
        Assert.Equal(["to stderr\n"], LargeOutputRun.StreamLines(nb, 1, 1));
        Assert.DoesNotContain("kit run:", File.ReadAllText(Path.Combine(run.Out, "large-output.html")).Split("<pre class=\"code\">")[^1]);
    }

    [Fact]
    public void Max_output_zero_keeps_every_line()
    {
        var outDir = LargeOutputRun.Run("--max-output", "0");
        var lines = LargeOutputRun.StreamLines(JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "large-output.ipynb")))!, 0);
        Assert.Equal(Enumerable.Range(0, 50_000).Select(LargeOutputRun.Line), lines);
    }
}
