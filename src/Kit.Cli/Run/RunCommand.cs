using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Kit.Cli.Run;

/// <summary>
/// <c>kit run [notebook or folder …]</c>: runs notebooks headless, each in its own process, and writes each executed
/// notebook and a static HTML page of it. Exit code 0 when every notebook ran through, 1 otherwise.
/// </summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("notebooks")
        {
            Description = "Notebooks (.ipynb) or folders of notebooks. Default: the notebooks/ folder of the repository (the folder holding Kit.sln, found upwards from here).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var output = new Option<string?>("--out", "-o")
        {
            Description = "Folder for the executed notebooks and their .html pages. Default: <repository>/artifacts/notebooks.",
        };
        var timeout = new Option<double>("--cell-timeout")
        {
            Description = "Seconds a cell may run before its notebook is stopped and reported as failed.",
            DefaultValueFactory = _ => 300,
        };
        var maxOutput = MaxOutputOption();
        var command = new Command("run", "Run notebooks headless and write them, with their outputs, as .ipynb and .html.") { paths, output, timeout, maxOutput };
        command.SetAction((parse, _) => RunAsync(
            parse.GetValue(paths) ?? [], parse.GetValue(output), TimeSpan.FromSeconds(parse.GetValue(timeout)), parse.GetValue(maxOutput), Console.Out, Console.Error));
        return command;
    }

    /// <summary>How much of a cell's stdout and stderr text the written notebook and page keep (<see cref="StreamCap"/>).</summary>
    internal static Option<int> MaxOutputOption()
    {
        var option = new Option<int>(NotebookProcess.MaxOutputOption)
        {
            Description = "Characters of stdout/stderr text each cell keeps in the written notebook and page: the first and last half, "
                + "with a line saying how many lines and MB were left out between. 0 keeps everything.",
            DefaultValueFactory = _ => StreamCap.DefaultMaxChars,
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0)
                result.AddError($"{NotebookProcess.MaxOutputOption} must be 0 (no cap) or a positive number of characters.");
        });
        return option;
    }

    private sealed record Row(string Name, string Cells, string Seconds, string Result, bool Ok);

    public static async Task<int> RunAsync(string[] paths, string? output, TimeSpan cellTimeout, int maxStreamChars, TextWriter stdout, TextWriter stderr)
    {
        var here = Directory.GetCurrentDirectory();
        var repo = FindRepositoryRoot(here);
        if (paths.Length == 0)
        {
            if (repo is null)
            {
                stderr.WriteLine($"kit run: no notebooks given, and no Kit.sln in {here} or above it to find notebooks/ by.");
                return 2;
            }
            paths = [Path.Combine(repo, "notebooks")];
        }
        var outDir = Path.GetFullPath(output ?? Path.Combine(repo ?? here, "artifacts", "notebooks"));
        Directory.CreateDirectory(outDir);
        var rows = new List<Row>();
        var taken = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in Expand(paths))
        {
            var name = Path.GetFileNameWithoutExtension(path.TrimEnd('/', '\\'));
            if (path.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase) && !taken.TryAdd(name, path))
            {
                stderr.WriteLine($"kit run: {path}: skipped, its output would overwrite that of {taken[name]}");
                rows.Add(new Row(Path.GetFileName(path), "-", "-", "skipped: same name as another notebook", false));
                continue;
            }
            rows.Add(await RunOneAsync(path, name, outDir, cellTimeout, maxStreamChars, stdout, stderr));
        }
        WriteSummary(rows, stdout);
        // The default out folder is artifacts/notebooks and the sheet goes beside it; a chosen folder holds its own.
        var sheet = output is null ? Path.Combine(Path.GetDirectoryName(outDir)!, ContactSheet.FileName) : Path.Combine(outDir, ContactSheet.FileName);
        var charts = ContactSheet.Save(outDir, sheet);
        stdout.WriteLine($"kit run: {Relative(sheet)}: {charts} chart(s) of the executed notebooks in {Relative(outDir)}");
        return rows.Count > 0 && rows.All(r => r.Ok) ? 0 : 1;
    }

    private static async Task<Row> RunOneAsync(string path, string name, string outDir, TimeSpan cellTimeout, int maxStreamChars, TextWriter stdout, TextWriter stderr)
    {
        var label = $"[{name}]";
        var ipynbOut = Path.Combine(outDir, name + ".ipynb");
        var htmlOut = Path.Combine(outDir, name + ".html");
        // A stale result from an earlier run must not survive a run that stops half-way.
        File.Delete(ipynbOut);
        File.Delete(htmlOut);

        NotebookFile notebook;
        try
        {
            notebook = NotebookFile.Load(path);
        }
        catch (Exception e) when (e is NotebookException or IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"kit run: {path}: {e.Message}");
            return new Row(Path.GetFileName(path.TrimEnd('/', '\\')), "-", "-", e.Message, false);
        }

        var codeCells = notebook.CodeCells.ToList();
        notebook.ClearOutputs();
        var clock = Stopwatch.StartNew();
        var cellClock = Stopwatch.StartNew();
        var done = 0;
        NotebookCell? running = null;
        int runningNumber = 0;
        string? failure = null;
        var result = "ok";
        stdout.WriteLine($"{label} {codeCells.Count} code cells, in {path}");

        var outcome = await NotebookProcess.RunAsync(path, cellTimeout, maxStreamChars, message =>
        {
            switch ((string?)message["kind"])
            {
                case Protocol.Ready:
                    stdout.WriteLine($"{label} kernel ready {S(message["kernelSeconds"])} s");
                    break;
                case Protocol.Info:
                    stdout.WriteLine($"{label} {(string?)message["text"]}");
                    break;
                case Protocol.CellStart:
                    runningNumber = (int)message["number"]!;
                    cellClock.Restart();
                    running = notebook.Cells[(int)message["cell"]!];
                    break;
                case Protocol.CellDone:
                    var cell = notebook.Cells[(int)message["cell"]!];
                    var number = (int)message["number"]!;
                    notebook.SetOutputs(cell, (message["outputs"] as JsonArray)?.DeepClone().AsArray() ?? [], number);
                    running = null;
                    var ok = (bool)message["ok"]!;
                    stdout.WriteLine($"{label} cell {number}/{codeCells.Count} {(ok ? "ok" : "FAILED")} {S(message["seconds"])} s");
                    if (ok) done++;
                    else
                    {
                        failure = Failure(notebook, number, cell, (string?)message["error"] ?? "the cell failed");
                        result = $"failed in cell {number}";
                    }
                    break;
                case Protocol.Fatal:
                    failure = $"FAILED {Path.GetFileName(path)}: {(string?)message["text"]}";
                    result = "failed: " + (string?)message["text"];
                    break;
            }
        });

        if (outcome.Ending != ProcessEnding.Finished)
        {
            var timedOut = outcome.Ending == ProcessEnding.TimedOut;
            var why = timedOut
                ? $"TimeoutError: the cell ran longer than {cellTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s (--cell-timeout); its process was stopped"
                : $"ProcessExited: the notebook's process ended with exit code {outcome.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "?"}"
                  + (outcome.Tail.Count > 0 ? $"; last output: {outcome.Tail[^1].Trim()}" : "");
            if (running is not null)
            {
                var (ename, evalue) = (why[..why.IndexOf(':')], why[(why.IndexOf(':') + 2)..]);
                notebook.SetOutputs(running, running.Json["outputs"] as JsonArray ?? [], runningNumber);
                notebook.AddOutput(running, JupyterOutputs.ErrorOutput(ename, evalue, [why, .. outcome.Tail]));
                stdout.WriteLine($"{label} cell {runningNumber}/{codeCells.Count} {(timedOut ? "TIMEOUT" : "CRASHED")} {cellClock.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s");
                failure = Failure(notebook, runningNumber, running, why);
                result = $"{(timedOut ? "timed out" : "crashed")} in cell {runningNumber}";
            }
            else
            {
                failure = $"FAILED {Path.GetFileName(path)}, outside any cell: {why}";
                result = timedOut ? "timed out starting" : "crashed outside any cell";
            }
        }
        var seconds = clock.Elapsed.TotalSeconds;
        if (failure is null && done < codeCells.Count)
        {
            failure = $"FAILED {Path.GetFileName(path)}: ran {done} of {codeCells.Count} cells";
            result = "incomplete";
        }
        if (failure is not null) stderr.WriteLine(failure);

        var status = failure is null
            ? $"ran {done}/{codeCells.Count} code cells in {seconds:0.0} s: ok"
            : $"ran {done}/{codeCells.Count} code cells in {seconds:0.0} s: {failure}";
        notebook.EnsureCSharpMetadata();
        notebook.Save(ipynbOut);
        StaticPage.Save(notebook, htmlOut, status, failure is null);
        stdout.WriteLine($"{label} wrote {Relative(ipynbOut)} and {Path.GetFileName(htmlOut)}");

        return new Row(name, $"{done}/{codeCells.Count}", seconds.ToString("0.0", CultureInfo.InvariantCulture), result, failure is null);
    }

    /// <summary>The one line that says what failed: notebook, cell, the cell's first line, and the error.</summary>
    private static string Failure(NotebookFile notebook, int number, NotebookCell cell, string error)
    {
        var first = cell.FirstLine.Length > 100 ? cell.FirstLine[..97] + "..." : cell.FirstLine;
        return $"FAILED {Path.GetFileName(notebook.Path)}, cell {number} `{first}`: {error}";
    }

    /// <summary>Folders become the notebooks in them, in name order; anything else is passed on to be checked.</summary>
    private static IEnumerable<string> Expand(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (!Directory.Exists(path))
            {
                yield return path;
                continue;
            }
            var notebooks = Directory.GetFiles(path, "*.ipynb").Order(StringComparer.Ordinal).ToList();
            if (notebooks.Count == 0) yield return path;
            foreach (var notebook in notebooks) yield return notebook;
        }
    }

    internal static string? FindRepositoryRoot(string from)
    {
        for (var dir = new DirectoryInfo(from); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Kit.sln"))) return dir.FullName;
        return null;
    }

    private static void WriteSummary(List<Row> rows, TextWriter stdout)
    {
        if (rows.Count == 0)
        {
            stdout.WriteLine("kit run: no notebooks.");
            return;
        }
        var table = new List<string[]> { new[] { "notebook", "cells", "seconds", "result" } };
        table.AddRange(rows.Select(r => new[] { r.Name, r.Cells, r.Seconds, r.Result }));
        var widths = Enumerable.Range(0, 4).Select(c => table.Max(r => r[c].Length)).ToArray();
        stdout.WriteLine();
        foreach (var r in table)
            stdout.WriteLine($"{r[0].PadRight(widths[0])}  {r[1].PadLeft(widths[1])}  {r[2].PadLeft(widths[2])}  {r[3]}".TrimEnd());
        var failed = rows.Count(r => !r.Ok);
        stdout.WriteLine(failed == 0 ? $"{rows.Count} notebook(s) ran through." : $"{failed} of {rows.Count} notebook(s) failed.");
    }

    private static string S(JsonNode? seconds) =>
        ((double?)seconds ?? 0).ToString("0.00", CultureInfo.InvariantCulture);

    private static string Relative(string path)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }
}
