using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kit.Cli.Tests;

namespace Kit.Benchmarks;

/// <summary>
/// Whether `kit run` collects a cell's output in time linear in its size: one cell printing 1, 10 and 40 MB in lines of
/// 100 characters (one write per line), run by the real `kit` binary, beside Jupyter's own runner
/// (`jupyter nbconvert --execute`, python3 kernel, one print() per line) on the same amount of output.
/// </summary>
static partial class OutputBenchmark
{
    const int LinesPerMB = 10_000;
    const int Rounds = 3;

    public static int Run()
    {
        var folder = KitProcess.TempFolder("output-benchmark");
        var peer = PeerVersion();
        Console.WriteLine($"output benchmark: one cell printing N MB as {LinesPerMB:N0} lines of 100 characters per MB; kit: {KitProcess.Binary}");
        Console.WriteLine(peer is null
            ? "  peer: jupyter nbconvert with a python3 kernel not found: Jupyter side skipped"
            : $"  peer: jupyter nbconvert {peer}, python3 kernel (its notebook keeps all the output; kit keeps its --max-output cap)");
        // The 0 MB cell measures what every cell costs whatever it prints (compiling it, the kernel's first run).
        Console.WriteLine($"  fastest of {Rounds} runs each (on a shared machine the fastest run is the least disturbed one)");
        Console.WriteLine("     MB | kit run s | cell s | (cell - 0 MB cell) s/MB | kit run CPU s | (CPU - 0 MB CPU) s/MB | nbconvert s | kit/nbconvert");
        double? empty = null, emptyCpu = null;
        foreach (var mb in new[] { 0, 1, 10, 40 })
        {
            var kitRuns = Enumerable.Range(0, Rounds).Select(_ => Kit(folder, mb)).ToList();
            var (kitSeconds, cellSeconds, cpu) = (kitRuns.Min(r => r.Wall), kitRuns.Min(r => r.Cell), kitRuns.Min(r => r.Cpu));
            empty ??= cellSeconds;
            emptyCpu ??= cpu;
            var jupyter = peer is null ? (double?)null : Enumerable.Range(0, Rounds).Min(_ => Jupyter(folder, mb));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {mb,5} | {kitSeconds,9:F1} | {cellSeconds,6:F1} | {PerMB(cellSeconds, empty, mb),23} | {Format(cpu),13} | {PerMB(cpu, emptyCpu, mb),21} | {Format(jupyter),11} | {Format(kitSeconds / jupyter),13}"));
        }
        return 0;
    }

    static string PerMB(double? seconds, double? empty, int mb) =>
        mb == 0 || seconds is null || empty is null ? "-" : ((seconds.Value - empty.Value) / mb).ToString("F3", CultureInfo.InvariantCulture);

    static string Format(double? seconds) => seconds is { } s ? s.ToString("F2", CultureInfo.InvariantCulture) : "-";

    /// <summary>Wall time of `kit run` on the notebook, the cell's own time as kit reports it, and the CPU time of kit and its notebook process.</summary>
    static (double Wall, double Cell, double? Cpu) Kit(string folder, int mb)
    {
        var source = $"var pad = new string('x', 92);\nfor (var i = 0; i < {mb * LinesPerMB}; i++) Console.WriteLine($\"{{i:D7}}{{pad}}\");";
        var path = WriteNotebook(Path.Combine(folder, $"print-{mb}mb.ipynb"), source, new JsonObject
        {
            ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
        });
        var cpuBefore = ChildCpuTime.Seconds();
        var clock = Stopwatch.StartNew();
        var result = KitProcess.Run(folder, null, "run", path, "--out", Path.Combine(folder, "out"));
        var wall = clock.Elapsed.TotalSeconds;
        var cpu = ChildCpuTime.Seconds() - cpuBefore;
        if (result.ExitCode != 0) throw new InvalidOperationException($"kit run failed on {mb} MB:\n{result.All}");
        var cell = CellSeconds().Match(result.Stdout);
        return (wall, cell.Success ? double.Parse(cell.Groups[1].Value, CultureInfo.InvariantCulture) : double.NaN, cpu);
    }

    static double Jupyter(string folder, int mb)
    {
        var source = $"pad = 'x' * 92\nfor i in range({mb * LinesPerMB}): print(f'{{i:07d}}{{pad}}')";
        var path = WriteNotebook(Path.Combine(folder, $"print-{mb}mb-python.ipynb"), source, new JsonObject
        {
            ["kernelspec"] = new JsonObject { ["display_name"] = "Python 3", ["language"] = "python", ["name"] = "python3" },
        });
        var clock = Stopwatch.StartNew();
        var (code, output) = Jupyter("nbconvert", "--to", "notebook", "--execute", path, "--output", Path.GetFileNameWithoutExtension(path) + "-out");
        if (code != 0) throw new InvalidOperationException($"jupyter nbconvert failed on {mb} MB:\n{output}");
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>nbconvert's version when it and a python3 kernel are installed; null otherwise.</summary>
    static string? PeerVersion()
    {
        try
        {
            var (code, version) = Jupyter("nbconvert", "--version");
            var (listed, kernels) = Jupyter("kernelspec", "list");
            return code == 0 && listed == 0 && kernels.Contains("python3") ? version.Trim().Split('\n')[^1] : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no jupyter on PATH
        }
    }

    static (int Code, string Output) Jupyter(params string[] args)
    {
        var start = new ProcessStartInfo("jupyter") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"; // quiets a debugger warning on every start
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.Result);
    }

    static string WriteNotebook(string path, string source, JsonObject metadata)
    {
        var cell = new JsonObject
        {
            ["cell_type"] = "code", ["id"] = "print", ["metadata"] = new JsonObject(), ["source"] = source,
            ["execution_count"] = null, ["outputs"] = new JsonArray(),
        };
        var notebook = new JsonObject { ["cells"] = new JsonArray(cell), ["metadata"] = metadata, ["nbformat"] = 4, ["nbformat_minor"] = 5 };
        File.WriteAllText(path, notebook.ToJsonString());
        return path;
    }

    [GeneratedRegex(@"cell 1/1 ok (\d+\.\d+) s")]
    private static partial Regex CellSeconds();
}
