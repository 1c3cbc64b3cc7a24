namespace Kit.Cli.Tests;

/// <summary>One `kit run` over a folder of good and bad notebooks plus a missing path; the tests read what it left.</summary>
public sealed class RunBatch
{
    public RunBatch()
    {
        Root = KitProcess.TempFolder("batch");
        Notebooks = Path.Combine(Root, "notebooks");
        Out = Path.Combine(Root, "out");
        KitProcess.CopyFolder(Path.Combine(KitProcess.Fixtures, "batch"), Notebooks);
        Directory.CreateDirectory(Out);
        // Results of an earlier run, which must not survive this one.
        File.WriteAllText(Path.Combine(Out, "failing.html"), "stale");
        File.WriteAllText(Path.Combine(Out, "broken.ipynb"), "stale");
        Result = KitProcess.Run(Root, null, "run", "notebooks", "notebooks/not-a-notebook.txt", "notebooks/missing.ipynb", "--out", "out");
    }

    public string Root { get; }
    public string Notebooks { get; }
    public string Out { get; }
    public KitProcess.Result Result { get; }

    public JsonObject Written(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Out, name + ".ipynb")))!.AsObject();

    public static JsonArray Outputs(JsonObject notebook, int cell) => notebook["cells"]![cell]!["outputs"]!.AsArray();

    public static string Text(JsonNode? multiline) =>
        multiline is JsonArray a ? string.Concat(a.Select(l => (string?)l)) : (string?)multiline ?? "";
}

public sealed class RunBatchTests(RunBatch batch) : IClassFixture<RunBatch>
{
    private readonly KitProcess.Result _result = batch.Result;

    [Fact]
    public void Any_failed_notebook_makes_the_exit_code_non_zero() => Assert.Equal(1, _result.ExitCode);

    [Fact]
    public void A_passing_notebook_writes_stdout_return_values_and_displays_as_jupyter_outputs()
    {
        var nb = batch.Written("passing");
        var stream = Assert.Single(RunBatch.Outputs(nb, 1));
        Assert.Equal("stream", (string?)stream!["output_type"]);
        Assert.Equal("stdout", (string?)stream["name"]);
        Assert.Equal("hello\nworld\n", RunBatch.Text(stream["text"]));

        var result = Assert.Single(RunBatch.Outputs(nb, 2))!;
        Assert.Equal("execute_result", (string?)result["output_type"]);
        Assert.Equal(2, (int?)result["execution_count"]);
        Assert.Contains("3", RunBatch.Text(result["data"]!["text/html"]));
        Assert.Equal(2, (int?)nb["cells"]![2]!["execution_count"]);

        // display("first") then Update("second"): one output, the updated one; then the anonymous object as HTML.
        var displays = RunBatch.Outputs(nb, 3);
        Assert.Equal(2, displays.Count);
        Assert.All(displays, d => Assert.Equal("display_data", (string?)d!["output_type"]));
        Assert.Equal("second", RunBatch.Text(displays[0]!["data"]!["text/plain"]));
        Assert.NotNull(displays[1]!["data"]!["text/html"]);

        var last = RunBatch.Outputs(nb, 4);
        Assert.Equal("stderr", (string?)last[0]!["name"]);
        Assert.Equal("to stderr\n", RunBatch.Text(last[0]!["text"]));
        Assert.Equal("a string", RunBatch.Text(last[1]!["data"]!["text/plain"])); // strings as plain text, like Jupyter
    }

    [Fact]
    public void A_failing_cell_names_the_notebook_cell_and_exception() =>
        Assert.Contains("FAILED failing.ipynb, cell 2 `throw new InvalidOperationException(\"boom\");`: System.InvalidOperationException: boom", _result.Stderr);

    [Fact]
    public void Execution_stops_at_the_failing_cell_and_the_notebook_is_still_written_with_the_error()
    {
        var nb = batch.Written("failing");
        Assert.Equal(1, (int?)nb["cells"]![0]!["execution_count"]);
        var error = Assert.Single(RunBatch.Outputs(nb, 1))!;
        Assert.Equal("error", (string?)error["output_type"]);
        Assert.Equal("System.InvalidOperationException", (string?)error["ename"]);
        Assert.Equal("boom", (string?)error["evalue"]);
        Assert.NotEmpty(error["traceback"]!.AsArray());
        Assert.Null((int?)nb["cells"]![2]!["execution_count"]);
        Assert.Empty(RunBatch.Outputs(nb, 2));
    }

    [Fact]
    public void A_compile_error_reports_the_compiler_diagnostics()
    {
        Assert.Contains("FAILED compile-error.ipynb, cell 1 `int number = \"not a number\";`: CompilationError: (1,14): error CS0029:", _result.Stderr);
        var error = Assert.Single(RunBatch.Outputs(batch.Written("compile-error"), 0))!;
        Assert.Equal("CompilationError", (string?)error["ename"]);
        Assert.Contains("CS0029", (string?)error["evalue"]);
    }

    [Fact]
    public void A_crashing_notebook_process_fails_that_notebook_in_the_cell_that_crashed()
    {
        Assert.Contains("FAILED crash.ipynb, cell 2 `Environment.Exit(3);`: ProcessExited: the notebook's process ended with exit code 3", _result.Stderr);
        var nb = batch.Written("crash");
        Assert.Equal("before the crash\n", RunBatch.Text(RunBatch.Outputs(nb, 0)[0]!["text"]));
        Assert.Equal("ProcessExited", (string?)RunBatch.Outputs(nb, 1)[0]!["ename"]);
    }

    [Fact]
    public void Bad_inputs_get_one_line_errors_and_the_other_notebooks_still_run()
    {
        Assert.Contains("notebooks/missing.ipynb: no such file", _result.Stderr);
        Assert.Contains("notebooks/not-a-notebook.txt: not a notebook (expected a .ipynb file)", _result.Stderr);
        Assert.Contains("notebooks/broken.ipynb: not a notebook: invalid JSON (line 1, byte 14)\n", _result.Stderr.ReplaceLineEndings("\n"));
        Assert.Contains("notebooks/fsharp.ipynb: is a F# notebook; kit runs C# notebooks only", _result.Stderr);
        Assert.True(File.Exists(Path.Combine(batch.Out, "passing.ipynb")));
        Assert.True(File.Exists(Path.Combine(batch.Out, "passing.html")));
        Assert.False(File.Exists(Path.Combine(batch.Out, "fsharp.ipynb")));
    }

    [Fact]
    public void No_half_written_or_stale_files_remain()
    {
        var files = Directory.GetFiles(batch.Out).Select(f => Path.GetFileName(f)).Order().ToArray();
        Assert.Equal(
            ["compile-error.html", "compile-error.ipynb", "contact-sheet.html", "crash.html", "crash.ipynb", "failing.html", "failing.ipynb", "passing.html", "passing.ipynb"],
            files);
        Assert.NotEqual("stale", File.ReadAllText(Path.Combine(batch.Out, "failing.html")));
    }

    [Fact]
    public void Written_notebooks_keep_the_kernelspec_polyglot_metadata_and_their_own()
    {
        var nb = batch.Written("passing");
        var md = nb["metadata"]!;
        Assert.Equal(".net-csharp", (string?)md["kernelspec"]!["name"]);
        Assert.Equal(".NET (C#)", (string?)md["kernelspec"]!["display_name"]);
        Assert.Equal("C#", (string?)md["kernelspec"]!["language"]);
        Assert.Equal("csharp", (string?)md["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"]);
        Assert.Contains(md["polyglot_notebook"]!["kernelInfo"]!["items"]!.AsArray(), i => (string?)i!["name"] == "csharp");
        Assert.Equal("me", (string?)md["kit_fixture"]!["keep"]);
        var cell = nb["cells"]![1]!;
        Assert.Equal("cell-2", (string?)cell["id"]);
        Assert.Equal("csharp", (string?)cell["metadata"]!["dotnet_interactive"]!["language"]);
        Assert.Equal("csharp", (string?)cell["metadata"]!["polyglot_notebook"]!["kernelName"]);
        Assert.Equal(4, (int?)nb["nbformat"]);
    }

    [Fact]
    public void The_static_page_renders_markdown_code_outputs_and_errors()
    {
        var passing = File.ReadAllText(Path.Combine(batch.Out, "passing.html"));
        Assert.Contains("<h1", passing);
        Assert.Contains("<em>stdout</em>", passing);
        Assert.Contains("Console.WriteLine(&quot;hello&quot;);", passing);
        Assert.Contains("<pre class=\"stdout\">hello\nworld\n</pre>", passing);
        Assert.Contains("class=\"dni-treeview\"", passing); // an HTML output, inlined as it is
        var failing = File.ReadAllText(Path.Combine(batch.Out, "failing.html"));
        Assert.Contains("<pre class=\"error\">System.InvalidOperationException: boom", failing);
        Assert.Contains("class=\"status failed\"", failing);
    }

    [Fact]
    public void The_progress_shows_each_cell_and_a_summary_table()
    {
        Assert.Matches(@"\[passing\] cell 1/4 ok \d+\.\d\d s", _result.Stdout);
        Assert.Matches(@"\[passing\] kernel ready \d+\.\d\d s", _result.Stdout);
        Assert.Matches(@"notebook +cells +seconds +result", _result.Stdout);
        Assert.Matches(@"passing +4/4 +\d+\.\d +ok", _result.Stdout);
        Assert.Matches(@"failing +1/3 +\d+\.\d +failed in cell 2", _result.Stdout);
        Assert.Matches(@"crash +1/3 +\d+\.\d +crashed in cell 2", _result.Stdout);
        Assert.Contains("7 of 8 notebook(s) failed.", _result.Stdout);
    }
}
