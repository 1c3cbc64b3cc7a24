using System.Diagnostics;
using System.Text;

namespace Kit.Cli.Tests;

/// <summary>Runs the real `kit` binary from the Kit.Cli build output, as a person would (also linked into Kit.Benchmarks).</summary>
public static class KitProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public string All => Stdout + Stderr;
    }

    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The newest kit apphost under src/Kit.Cli/bin/&lt;this test run's configuration&gt;/.</summary>
    public static string Binary { get; } = FindBinary();

    public static string Fixtures => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public static Result Run(string workingDirectory, IDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo(Binary)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"kit {string.Join(' ', args)} did not finish in 3 minutes");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    private static readonly List<string> Created = [];

    static KitProcess() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        lock (Created)
            foreach (var folder in Created)
                try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    };

    /// <summary>A fresh folder under the system temp folder, removed when the test run ends.</summary>
    public static string TempFolder(string name)
    {
        var path = Path.Combine(Path.GetTempPath(), $"kit-cli-tests-{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        lock (Created) Created.Add(path);
        return path;
    }

    public static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Kit.sln"))) return dir.FullName;
        throw new InvalidOperationException("Kit.sln not found above " + AppContext.BaseDirectory);
    }

    private static string FindBinary()
    {
        // This program's own configuration: the folder after bin/ in its path (tests/<project>/bin/<configuration>/…).
        var parts = Path.GetRelativePath(RepositoryRoot, AppContext.BaseDirectory).Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        var bin = Array.IndexOf(parts, "bin");
        var configuration = bin >= 0 && bin + 1 < parts.Length ? parts[bin + 1] : "Debug";
        var cliBin = Path.Combine(RepositoryRoot, "src", "Kit.Cli", "bin", configuration);
        var name = OperatingSystem.IsWindows() ? "kit.exe" : "kit";
        var binary = Directory.Exists(cliBin)
            ? Directory.GetFiles(cliBin, name, SearchOption.AllDirectories).MaxBy(File.GetLastWriteTimeUtc)
            : null;
        return binary ?? throw new FileNotFoundException($"Build src/Kit.Cli first: no {name} under {cliBin}");
    }
}
