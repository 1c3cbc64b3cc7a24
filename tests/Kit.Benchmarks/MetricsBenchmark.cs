using System.Diagnostics;
using Kit.Clustering;
using Kit.Metrics;

namespace Kit.Benchmarks;

/// <summary>
/// The Kit's metrics against scikit-learn on the same data sizes, in one run: ROC AUC and F1 on 10⁶ samples,
/// silhouette on 10⁴ points (5 blobs, 2-D). The Kit times itself; metrics_peer.py (next to this file) times
/// scikit-learn. Both use every core (the Kit's silhouette runs Parallel.For, scikit-learn's goes through numpy's
/// BLAS). Prints medians, the peer's configuration and the ratio Kit / scikit-learn (target ≤ 1) unless the peer is
/// handicapped (reference BLAS, other thread count): then it says why and exits 3.
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

        int threads = Environment.ProcessorCount;
        var peer = Peer.Run("metrics_peer.py", threads, "--samples", samples.ToString(), "--points", points.ToString(), "--rounds", rounds.ToString());
        return Comparison.Print("scikit-learn", [new Pair(kit, peer)], threads, "ratio ≤ 1 means the Kit is as fast or faster");
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
}
