using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Kit.Containers;

/// <summary>
/// A <c>kit</c> command running as a child process (a container's entry point, seen from outside): its output lines as
/// they come, SIGTERM (what SageMaker sends on a stop or a Spot reclaim) and SIGKILL (what follows when the grace
/// period runs out, or a machine that vanishes).
/// </summary>
public sealed class KitChild : IDisposable
{
    readonly Process _process;
    readonly List<string> _lines = [];

    KitChild(Process process) => _process = process;

    public int Id => _process.Id;
    public IReadOnlyList<string> Lines { get { lock (_lines) return _lines.ToList(); } }

    /// <summary>Starts <c>kit</c> with <paramref name="args"/>: $KIT_CLI, this process if it is kit, else the newest
    /// src/Kit.Cli build above the working folder.</summary>
    public static KitChild Start(params string[] args)
    {
        var start = new ProcessStartInfo(Locate()) { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = Encoding.UTF8 };
        foreach (var a in args) start.ArgumentList.Add(a);
        var child = new KitChild(Process.Start(start)!);
        child._process.OutputDataReceived += (_, e) => child.Add(e.Data);
        child._process.ErrorDataReceived += (_, e) => child.Add(e.Data);
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        return child;
    }

    void Add(string? line)
    {
        if (line is null) return;
        lock (_lines) { _lines.Add(line); Monitor.PulseAll(_lines); }
    }

    /// <summary>Waits until a line contains <paramref name="text"/> and returns it; throws with the output so far on timeout or exit.</summary>
    public string WaitForLine(string text, double timeoutSeconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        lock (_lines)
            while (true)
            {
                var hit = _lines.FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal));
                if (hit is not null) return hit;
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero || (_process.HasExited && !Monitor.Wait(_lines, 200)))
                    throw new TimeoutException($"kit never printed '{text}'. Output:\n{string.Join('\n', _lines)}");
                Monitor.Wait(_lines, TimeSpan.FromMilliseconds(Math.Min(200, left.TotalMilliseconds)));
            }
    }

    public void Terminate() => Signal(15);
    public void Kill() => Signal(9);

    void Signal(int signal)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) throw new PlatformNotSupportedException("POSIX signals need Linux or macOS.");
        if (SysKill(_process.Id, signal) != 0) throw new InvalidOperationException($"kill({_process.Id}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
    }

    public int WaitForExit(double timeoutSeconds = 60)
    {
        if (!_process.WaitForExit(TimeSpan.FromSeconds(timeoutSeconds))) throw new TimeoutException($"kit (pid {Id}) still runs after {timeoutSeconds} s.");
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    static extern int SysKill(int pid, int signal);

    static string Locate()
    {
        if (Environment.GetEnvironmentVariable("KIT_CLI") is { Length: > 0 } env) return env;
        var self = Environment.ProcessPath;
        if (self is not null && Path.GetFileNameWithoutExtension(self) is "kit" or "Kit.Cli") return self;
        var name = OperatingSystem.IsWindows() ? "kit.exe" : "kit";
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            var bin = Path.Combine(dir.FullName, "src", "Kit.Cli", "bin");
            if (File.Exists(Path.Combine(dir.FullName, "Kit.sln")) && Directory.Exists(bin))
                return Directory.GetFiles(bin, name, SearchOption.AllDirectories).MaxBy(File.GetLastWriteTimeUtc)
                    ?? throw new FileNotFoundException($"No {name} under {bin}: run `dotnet build src/Kit.Cli`.");
        }
        throw new FileNotFoundException("Cannot find kit: set KIT_CLI to its path, or run from inside the repository after `dotnet build src/Kit.Cli`.");
    }
}
