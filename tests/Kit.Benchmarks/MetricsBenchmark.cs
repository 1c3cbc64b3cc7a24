using System.Diagnostics;
using System.Text.Json;
using Kit.Clustering;
using Kit.Metrics;

namespace Kit.Benchmarks;

/// <summary>
/// The Kit's metrics against scikit-learn on the same data sizes, in one run: ROC AUC and F1 on 10⁶ samples,
/// silhouette on 10⁴ points (5 blobs, 2-D). The Kit times itself; metrics_peer.py (next to this file) times
/// scikit-learn. Prints medians and the ratio Kit / scikit-learn (target ≤ 1).
/// </summary>
static class MetricsBenchmark
{
    public static int Run(int samples = 1_000_000, int points = 10_000, int rounds = 5)
    {
        Console.WriteLine($"metrics benchmark: ROC AUC and F1 on {samples:N0} samples, silhouette on {points:N0} points (2-D, 5 clusters); medians of {rounds} rounds; {Environment.ProcessorCount} cores");
        var d = SimulatedScores.Make(samples, positiveRate: 0.3, separation: 2, seed: 0);
        var pred = Ranking.Predict(d.Scores, 0.5);
        var (x, labels) = ClusterData.MakeBlobs(points, k: 5, std: 1.0, seed: 0);

        var kit = new Dictionary<string, double>
        {
            ["roc_auc"] = Median(() => Ranking.RocAuc(d.Labels, d.Scores), rounds),
            ["f1"] = Median(() => Classification.F1(d.Labels, pred), rounds),
            ["silhouette"] = Median(() => ClusterScores.Silhouette(x, labels), Math.Max(1, rounds / 2)),
        };

        var peer = Peer(samples, points, rounds);
        Console.WriteLine($"  {"metric",-12} {"Kit",10} {"scikit-learn",14} {"Kit/sklearn",12}");
        foreach (var (name, secs) in kit)
        {
            string sk = peer is null ? "n/a" : $"{peer.Value.GetProperty(name).GetDouble() * 1000,11:F1} ms";
            string ratio = peer is null ? "n/a" : $"{secs / peer.Value.GetProperty(name).GetDouble(),12:F2}";
            Console.WriteLine($"  {name,-12} {secs * 1000,7:F1} ms {sk,14} {ratio}");
        }
        if (peer is not null) Console.WriteLine($"  (scikit-learn {peer.Value.GetProperty("sklearn").GetString()}; ratio ≤ 1 means the Kit is as fast or faster)");
        return 0;
    }

    static double Median(Func<double> f, int rounds)
    {
        double sink = f(); // warm-up (JIT)
        var times = new List<double>();
        for (int i = 0; i < rounds; i++)
        {
            var sw = Stopwatch.StartNew();
            sink += f();
            times.Add(sw.Elapsed.TotalSeconds);
        }
        if (double.IsNaN(sink)) Console.WriteLine("(NaN)");
        times.Sort();
        return times[times.Count / 2];
    }

    static JsonElement? Peer(int samples, int points, int rounds)
    {
        string script = Path.Combine(AppContext.BaseDirectory, "metrics_peer.py");
        const string python = "/usr/bin/python3";
        if (!File.Exists(python)) { Console.WriteLine($"  ({python} not found: scikit-learn side skipped)"); return null; }
        var psi = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { script, "--samples", samples.ToString(), "--points", points.ToString(), "--rounds", rounds.ToString() }) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        string stdout = p.StandardOutput.ReadToEnd(), stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) { Console.WriteLine($"  (peer failed, exit {p.ExitCode}: {stderr.Trim()})"); return null; }
        return JsonDocument.Parse(stdout.Trim().Split('\n')[^1]).RootElement.Clone();
    }
}
