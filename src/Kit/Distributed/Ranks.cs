using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Kit.Distributed;

/// <summary>How the ranks of a job run: Open MPI processes, threads of this process, or MPI when it is there.</summary>
public enum RankBackend { Auto, Mpi, Threads }

/// <summary>Every rank's result of one job, how the ranks ran, and why (when MPI was not used).</summary>
public sealed record RankRun<T>(IReadOnlyList<T> Results, string Backend, string Note, double Seconds);

/// <summary>
/// Starts a job's ranks and collects their results: with Open MPI, <c>mpirun -np N dotnet Kit.Ranks.dll job …</c>
/// (the same command line runs on a cluster with <c>--hostfile</c>); without it, N threads of this process on
/// <see cref="ThreadCommunicator"/>. A rank that fails or dies stops the job with an error naming it, within the timeout.
/// </summary>
public static class Ranks
{
    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromSeconds(120);

    /// <summary>Whether jobs can run as MPI processes here; when not, why, with the command that fixes it.</summary>
    public static (bool Available, string Reason) MpiStatus(Action<string>? log = null)
    {
        var (library, reason) = OpenMpi.Probe();
        if (!library) return (false, reason);
        if (Mpirun() is null) return (false, $"mpirun is not on PATH. Install it with: {OpenMpi.InstallCommand}");
        var (worker, why) = RankWorker.Locate(log);
        return worker is null ? (false, why) : (true, "Open MPI and the rank worker are here");
    }

    public static RankRun<T> Run<T>(string job, object arguments, int ranks, RankBackend backend = RankBackend.Auto, TimeSpan? timeout = null)
    {
        if (ranks < 1) throw new ArgumentOutOfRangeException(nameof(ranks), ranks, "a job needs at least 1 rank.");
        string json = RankJobs.Serialize(arguments);
        var limit = timeout ?? DefaultTimeout;
        if (backend == RankBackend.Threads) return RunThreads<T>(job, json, ranks, limit, "threads were asked for");
        var (available, reason) = MpiStatus(Console.WriteLine);
        if (available) return RunMpi<T>(job, json, ranks, limit);
        if (backend == RankBackend.Mpi) throw new InvalidOperationException($"the job '{job}' needs MPI: {reason}");
        return RunThreads<T>(job, json, ranks, limit, $"MPI is not available ({reason}); the ranks ran as threads of this process instead");
    }

    static RankRun<T> RunThreads<T>(string job, string json, int ranks, TimeSpan timeout, string note)
    {
        var clock = Stopwatch.StartNew();
        var comms = ThreadCommunicator.CreateGroup(ranks, timeout);
        var results = new string?[ranks];
        var errors = new Exception?[ranks];
        var threads = comms.Select(comm => new Thread(() =>
        {
            try { results[comm.Rank] = RankJobs.Run(job, comm, json); }
            catch (Exception e) { errors[comm.Rank] = e; comm.Fail($"rank {comm.Rank}: {e.Message}"); }
        }) { IsBackground = true, Name = $"rank {comm.Rank}" }).ToList();
        threads.ForEach(t => t.Start());
        foreach (var t in threads)
            if (!t.Join(timeout + TimeSpan.FromSeconds(5)))
                throw new TimeoutException($"the job '{job}' did not finish within {timeout.TotalSeconds:F0} s on {ranks} thread ranks.");
        var cause = errors.Select((e, r) => (e, r)).FirstOrDefault(p => p.e is not null and not RankFailedException);
        if (cause.e is not null || errors.Any(e => e is not null))
        {
            var (error, rank) = cause.e is not null ? cause : errors.Select((e, r) => (e, r)).First(p => p.e is not null);
            throw new RankFailedException($"the job '{job}' failed: rank {rank}: {error!.Message} " +
                                          $"({errors.Count(e => e is RankFailedException)} other rank(s) stopped).");
        }
        return new RankRun<T>([.. results.Select(r => RankJobs.Deserialize<T>(r!))], comms[0].Backend, note, clock.Elapsed.TotalSeconds);
    }

    static RankRun<T> RunMpi<T>(string job, string json, int ranks, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        var dir = Directory.CreateTempSubdirectory("kit-ranks-").FullName;
        try
        {
            var argsFile = Path.Combine(dir, "arguments.json");
            File.WriteAllText(argsFile, json);
            var psi = new ProcessStartInfo(Mpirun()!) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in MpirunArguments(ranks)) psi.ArgumentList.Add(a);
            foreach (var a in new[] { RankWorker.DotnetHost, RankWorker.Locate().Path!, job, argsFile, dir }) psi.ArgumentList.Add(a);
            if (Environment.UserName == "root")
            {
                psi.Environment["OMPI_ALLOW_RUN_AS_ROOT"] = "1";
                psi.Environment["OMPI_ALLOW_RUN_AS_ROOT_CONFIRM"] = "1";
            }
            psi.Environment["KIT_PROGRESS"] = "off";
            using var p = Process.Start(psi)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(timeout))
            {
                p.Kill(entireProcessTree: true);
                throw new TimeoutException($"the MPI job '{job}' did not finish within {timeout.TotalSeconds:F0} s: mpirun and its {ranks} ranks were stopped.");
            }
            p.WaitForExit();
            string output = stdout.Result + stderr.Result;
            if (p.ExitCode != 0) throw new RankFailedException($"the MPI job '{job}' failed (mpirun exit {p.ExitCode}): {Summary(output)}");
            var results = Enumerable.Range(0, ranks).Select(r => RankJobs.Deserialize<T>(File.ReadAllText(Path.Combine(dir, $"rank-{r}.json")))).ToList();
            var backend = File.ReadAllText(Path.Combine(dir, "backend.txt")).Trim();
            return new RankRun<T>(results, backend, $"mpirun -np {ranks}", clock.Elapsed.TotalSeconds);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    /// <summary>mpirun's options: more ranks than cores need --oversubscribe; no core binding, and a rank that waits
    /// yields its core instead of spinning (on a shared or small machine a spinning rank delays the very rank it waits
    /// for: pipeline hand-offs took tens of ms); shared memory without the single-copy (ptrace) path, which containers forbid.</summary>
    static IEnumerable<string> MpirunArguments(int ranks)
    {
        yield return "-np"; yield return ranks.ToString();
        if (ranks > Environment.ProcessorCount) yield return "--oversubscribe";
        yield return "--bind-to"; yield return "none";
        yield return "--mca"; yield return "mpi_yield_when_idle"; yield return "1";
        yield return "--mca"; yield return "btl_vader_single_copy_mechanism"; yield return "none";
    }

    /// <summary>The ranks' own error lines and mpirun's account of who exited, without its banners.</summary>
    static string Summary(string output)
    {
        // .NET writes terminal mode escapes when it shares mpirun's terminal; they would hide the lines' prefixes.
        var lines = Regex.Replace(output, @"\x1b(\[[0-9;?]*[A-Za-z]|[=>])", "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var useful = lines.Where(l => l.StartsWith("kit-rank", StringComparison.Ordinal) || l.Contains("exited on signal") ||
                                      l.StartsWith("Process name", StringComparison.Ordinal) || l.StartsWith("Exit code", StringComparison.Ordinal) ||
                                      l.Contains("non-zero status")).Distinct().ToList();
        return string.Join(" | ", useful.Count > 0 ? useful : lines.TakeLast(5));
    }

    /// <summary>Where mpirun is looked for; null for PATH. Tests point it at an empty folder to play a machine without MPI.</summary>
    internal static string? MpirunSearchPath { get; set; }

    static string? Mpirun() =>
        (MpirunSearchPath ?? Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, "mpirun")).FirstOrDefault(File.Exists);
}
