namespace Kit.Cli.Tests;

public sealed class HungCellTests
{
    [Fact]
    public void A_hung_cell_is_stopped_at_the_cell_timeout_and_reported_as_that_cells_failure()
    {
        var root = KitProcess.TempFolder("hung");
        KitProcess.CopyFolder(Path.Combine(KitProcess.Fixtures, "hung"), Path.Combine(root, "notebooks"));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var result = KitProcess.Run(root, null, "run", "notebooks/hung.ipynb", "--out", "out", "--cell-timeout", "30");

        Assert.Equal(1, result.ExitCode);
        // Cell 1 compiles the kernel's first submission: on a loaded 2-core machine that alone took over 8 s, so the
        // timeout leaves room for it; the hang in cell 2 is still cut off long before the test's own limit.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(150), $"took {clock.Elapsed}");
        Assert.Contains("FAILED hung.ipynb, cell 2 `System.Threading.Thread.Sleep(System.Threading.Timeout.Infinite);`: TimeoutError: the cell ran longer than 30 s", result.Stderr);
        Assert.Matches(@"hung +1/3 +\d+\.\d +timed out in cell 2", result.Stdout);

        var nb = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "out", "hung.ipynb")))!;
        Assert.Equal("about to hang\n", RunBatch.Text(nb["cells"]![0]!["outputs"]![0]!["text"]));
        var error = Assert.Single(nb["cells"]![1]!["outputs"]!.AsArray())!;
        Assert.Equal("TimeoutError", (string?)error["ename"]);
        Assert.Equal(2, (int?)nb["cells"]![1]!["execution_count"]);
        Assert.Empty(Directory.GetFiles(Path.Combine(root, "out"), "*.tmp"));
    }
}
