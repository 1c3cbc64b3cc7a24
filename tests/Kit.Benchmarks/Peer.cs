using System.Diagnostics;
using System.Text.Json;

namespace Kit.Benchmarks;

/// <summary>What a peer script measured (seconds by name) and the configuration it really ran with.</summary>
sealed record PeerRun(JsonElement Figures, PeerConfiguration Configuration)
{
    public double Seconds(string name) => Figures.GetProperty(name).GetDouble();
}

/// <summary>
/// Runs a Python peer (training_peer.py, metrics_peer.py next to this program) with /usr/bin/python3, the
/// interpreter that sees Debian's python3-torch and python3-sklearn, at the thread count the Kit uses.
/// </summary>
static class Peer
{
    const string Python = "/usr/bin/python3";

    public static PeerRun? Run(string script, int threads, params string[] arguments)
    {
        if (!File.Exists(Python)) { Console.WriteLine($"  ({Python} not found: the peer side is skipped)"); return null; }
        var psi = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, script));
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        // The same OpenMP and BLAS thread count as the Kit's process; the peer reports what it actually got.
        psi.Environment["OMP_NUM_THREADS"] = threads.ToString();
        psi.Environment["OPENBLAS_NUM_THREADS"] = threads.ToString();
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) { Console.WriteLine($"  (peer {script} failed, exit {p.ExitCode}: {stderr.Result.Trim()})"); return null; }
        var figures = JsonDocument.Parse(stdout.Trim().Split('\n')[^1]).RootElement.Clone();
        return new PeerRun(figures, PeerConfiguration.From(figures.GetProperty("config")));
    }
}
