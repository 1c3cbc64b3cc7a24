using System.Diagnostics;

namespace Kit.Notebooks.Tests;

/// <summary>Paths in the checkout, the built `kit` command, and external programs the end-to-end tests drive.</summary>
static class Repo
{
    public static string Root { get; } = FindRoot();
    public static string Notebooks => Path.Combine(Root, "notebooks");

#if DEBUG
    const string Configuration = "Debug";
#else
    const string Configuration = "Release";
#endif

    public static string KitCli
    {
        get
        {
            var bin = Path.Combine(Root, "src", "Kit.Cli", "bin", Configuration, "net10.0");
            var exe = Directory.Exists(bin) ? Directory.EnumerateFiles(bin, "Kit.Cli", SearchOption.AllDirectories).FirstOrDefault() : null;
            return exe ?? throw new FileNotFoundException($"Kit.Cli was not built under {bin}");
        }
    }

    public static string TempDir(string name)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"kit-tests-{name}-{Guid.NewGuid():N}"[..40]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>True when the program is on PATH. When KIT_REQUIRE_&lt;NAME&gt;=1 (CI) a missing program fails instead of skipping.</summary>
    public static bool Has(string program, string requireVariable)
    {
        bool found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => File.Exists(Path.Combine(d, program)));
        if (!found && Environment.GetEnvironmentVariable(requireVariable) == "1")
            throw new InvalidOperationException($"{program} is required ({requireVariable}=1) but not on PATH; .ci/run installs it.");
        return found;
    }

    public sealed record Result(int ExitCode, string Output);

    public static Result Run(string file, IEnumerable<string> args, string? cwd = null, IDictionary<string, string>? env = null, int timeoutSeconds = 900)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = cwd ?? Root };
        foreach (var a in args) psi.ArgumentList.Add(a);
        if (env is not null) foreach (var (k, v) in env) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var output = new System.Text.StringBuilder();
        p.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        p.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        if (!p.WaitForExit(TimeSpan.FromSeconds(timeoutSeconds)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} ran over {timeoutSeconds} s:\n{output}");
        }
        p.WaitForExit();
        return new Result(p.ExitCode, output.ToString());
    }

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Kit.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Kit.sln not found above the test binaries");
    }
}
