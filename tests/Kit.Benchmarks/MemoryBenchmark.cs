using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Kit.Benchmarks;

/// <summary>
/// Memory of one student's kernel, the Kit's against PyTorch's, in one run: lesson 01 in the Kit's Jupyter kernel (the
/// kernelspec `kit jupyter install` writes, with its memory settings) and its PyTorch twin (lesson01_twin.py) in a
/// Python kernel. kernel_memory.py starts each kernel, runs every code cell and reads the kernel process's peak resident
/// memory (VmHWM) and how soon a lesson cell can run (kernel start + the setup or import cell). Prints both peaks, the
/// ratio (target ≤ 1.5), how many such kernels a 16 GB classroom server holds, and both start-up times with their ratio.
/// Then whose memory it is (each kernel after a trivial cell, before any lesson code) and what a classroom pays: four
/// kernels of each alive at once, each after the whole lesson, and the mean proportional set size (PSS) of one, which
/// counts the pages they share (libtorch's code, the runtime's files) once among them.
/// </summary>
static partial class MemoryBenchmark
{
    const string Python = "/usr/bin/python3";
    const double ServerMb = 16 * 1024, ReservedMb = 1024; // the system, the Jupyter server and the browser-facing proxy

    public static int Run()
    {
        if (!File.Exists(Python)) { Console.WriteLine($"  ({Python} not found: the memory benchmark needs Jupyter's kernel client)"); return 0; }
        var root = RepoRoot();
        var work = Directory.CreateTempSubdirectory("kit-memory-").FullName;
        try { return Run(root, work); }
        finally { Directory.Delete(work, recursive: true); }
    }

    static int Run(string root, string work)
    {
        var install = Process.Start(new ProcessStartInfo(KitCli(root), ["jupyter", "install", "--kernels-dir", Path.Combine(work, "kernels")]) { RedirectStandardOutput = true })!;
        install.StandardOutput.ReadToEnd();
        install.WaitForExit();
        if (install.ExitCode != 0) { Console.Error.WriteLine("kit jupyter install failed"); return 1; }

        var lesson = Path.Combine(root, "notebooks", "01-neural-network-basics-and-activations.ipynb");
        var kitCells = JsonNode.Parse(File.ReadAllText(lesson))!["cells"]!.AsArray()
            .Where(c => (string?)c!["cell_type"] == "code")
            .Select(c => c!["source"] is JsonArray a ? string.Concat(a.Select(l => (string?)l)) : (string?)c["source"] ?? "").ToList();
        var twinCells = CellMarker().Split(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "lesson01_twin.py"))).Skip(1).Select(c => c.Trim()).ToList();

        Console.WriteLine($"kernel memory benchmark: lesson 01 ({kitCells.Count} code cells) in the Kit's kernel, its PyTorch twin ({twinCells.Count} cells) in a Python kernel; {Environment.ProcessorCount} cores");
        var kit = Measure(".net-csharp", Path.GetDirectoryName(lesson)!, kitCells, work);
        var twin = Measure("python3", work, twinCells, work);
        if (kit is null || twin is null) return 1;
        Print("Kit (C#, TorchSharp)", kit.Value);
        Print("PyTorch twin (Python)", twin.Value);
        double ratio = kit.Value.GetProperty("peak_mb").GetDouble() / twin.Value.GetProperty("peak_mb").GetDouble();
        Console.WriteLine($"  peak ratio Kit / PyTorch: {ratio:F2} (target ≤ 1.5)");
        Console.WriteLine($"  ready ratio Kit / PyTorch: {Ready(kit.Value) / Ready(twin.Value):F2} (kernel start to the first lesson cell ready; target for the Kit ≤ 2 s once packages are restored)");

        // Whose memory it is: each kernel with one trivial cell, before any lesson code (the kernel and its compiler).
        var kitAlone = Measure(".net-csharp", work, ["1 + 1"], work);
        var pythonAlone = Measure("python3", work, ["1 + 1"], work);
        if (kitAlone is null || pythonAlone is null) return 1;
        Console.WriteLine($"  the kernel alone, after a cell `1 + 1`: dotnet-interactive {kitAlone.Value.GetProperty("peak_mb").GetDouble():F0} MB " +
                          $"({kitAlone.Value.GetProperty("end_anon_mb").GetDouble():F0} MB anonymous), ipykernel {pythonAlone.Value.GetProperty("peak_mb").GetDouble():F0} MB " +
                          $"({pythonAlone.Value.GetProperty("end_anon_mb").GetDouble():F0} MB anonymous); the lesson's own share is the rest of each peak: " +
                          $"Kit {kit.Value.GetProperty("peak_mb").GetDouble() - kitAlone.Value.GetProperty("peak_mb").GetDouble():F0} MB, PyTorch {twin.Value.GetProperty("peak_mb").GetDouble() - pythonAlone.Value.GetProperty("peak_mb").GetDouble():F0} MB");
        Console.WriteLine($"  the kernel alone, ready after its cell `1 + 1`: dotnet-interactive {Ready(kitAlone.Value):F1} s (start {kitAlone.Value.GetProperty("kernel_start_s").GetDouble():F1} s + cell {kitAlone.Value.GetProperty("first_cell_s").GetDouble():F1} s, its C# compiler's first run), " +
                          $"ipykernel {Ready(pythonAlone.Value):F1} s");

        // A classroom: several kernels alive at once share the pages of the files they map (libtorch, the runtime).
        const int Students = 4;
        var kitClass = Measure(".net-csharp", Path.GetDirectoryName(lesson)!, kitCells, work, Students);
        var twinClass = Measure("python3", work, twinCells, work, Students);
        if (kitClass is null || twinClass is null) return 1;
        double kitPss = Mean(kitClass.Value, "pss_mb"), twinPss = Mean(twinClass.Value, "pss_mb");
        Console.WriteLine($"  {Students} kernels alive at once, each after the whole lesson: Kit {kitPss:F0} MB PSS each ({Mean(kitClass.Value, "anon_mb"):F0} MB anonymous) " +
                          $"→ {Math.Floor((ServerMb - ReservedMb) / kitPss):F0} students per 16 GB server; PyTorch twin {twinPss:F0} MB PSS each ({Mean(twinClass.Value, "anon_mb"):F0} MB anonymous) " +
                          $"→ {Math.Floor((ServerMb - ReservedMb) / twinPss):F0}; ratio {kitPss / twinPss:F2}");
        return 0;
    }

    static double Mean(JsonElement m, string name) => m.GetProperty(name).EnumerateArray().Average(x => x.GetDouble());

    /// <summary>Kernel start plus the first cell (the Kit's setup cell, the twin's imports): when a lesson cell can run.</summary>
    static double Ready(JsonElement m) => m.GetProperty("kernel_start_s").GetDouble() + m.GetProperty("first_cell_s").GetDouble();

    static void Print(string name, JsonElement m)
    {
        double peak = m.GetProperty("peak_mb").GetDouble();
        Console.WriteLine($"  {name,-22} start {m.GetProperty("start_mb").GetDouble(),5:F0} MB · after the first cell {m.GetProperty("after_first_cell_mb").GetDouble(),5:F0} MB · " +
                          $"peak {peak,5:F0} MB ({m.GetProperty("end_anon_mb").GetDouble():F0} MB anonymous at the end) → {Math.Floor((ServerMb - ReservedMb) / peak),3:F0} students per 16 GB server (1 GB kept for the system); " +
                          $"ready after {Ready(m):F1} s (kernel {m.GetProperty("kernel_start_s").GetDouble():F1} s + first cell {m.GetProperty("first_cell_s").GetDouble():F1} s); cells ran in {m.GetProperty("seconds").GetDouble():F1} s");
    }

    static JsonElement? Measure(string kernel, string cwd, List<string> cells, string work, int kernels = 1)
    {
        var cellsFile = Path.Combine(work, $"{kernel.Trim('.')}-cells.json");
        File.WriteAllText(cellsFile, JsonSerializer.Serialize(cells));
        var psi = new ProcessStartInfo(Python, [Path.Combine(AppContext.BaseDirectory, "kernel_memory.py"), kernel, cwd, cellsFile, kernels.ToString()])
        { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.Environment["JUPYTER_PATH"] = work;
        psi.Environment["KIT_PROGRESS"] = "off";
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode == 0) return JsonDocument.Parse(stdout.Trim().Split('\n')[^1]).RootElement.Clone();
        Console.Error.WriteLine($"  the {kernel} kernel's run failed (exit {p.ExitCode}): {stdout.Trim()} {stderr.Result.Trim()[^Math.Min(2000, stderr.Result.Trim().Length)..]}");
        return null;
    }

    static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Kit.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Kit.sln not found above the benchmark's folder");
    }

    static string KitCli(string root) =>
        new[] { "Release", "Debug" }.Select(c => Path.Combine(root, "src", "Kit.Cli", "bin", c, "net10.0"))
            .Where(Directory.Exists).SelectMany(d => Directory.EnumerateFiles(d, "Kit.Cli", SearchOption.AllDirectories)).FirstOrDefault()
        ?? throw new FileNotFoundException("Build the Kit first: dotnet build src/Kit.Cli");

    [GeneratedRegex(@"^# %%$", RegexOptions.Multiline)]
    private static partial Regex CellMarker();
}
