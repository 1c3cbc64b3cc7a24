using Kit.Distributed;
using Kit.Runtime;

namespace Kit.Benchmarks;

/// <summary>
/// Lesson 13's data-parallel step (MLP 2-256-256-2, global batch 4096, SGD) on Open MPI with 1 and 2 ranks, its
/// scaling (steps per second, efficiency) and MPI_Allreduce bandwidth against message size; then the same step in
/// PyTorch 1.13 with torch.distributed (gloo, DistributedDataParallel; distributed_peer.py), measured in pairs.
/// Prints the ratio Kit / PyTorch per world size (target ≤ 1.2) unless the peer is handicapped.
/// </summary>
static class DistributedBenchmark
{
    public static int Run(int steps = 40, int pairs = 3)
    {
        var setup = KitTorch.Setup();
        var (mpi, reason) = Ranks.MpiStatus(Console.WriteLine);
        if (!mpi) { Console.WriteLine($"distributed benchmark: {reason}"); return 2; }
        var args = new DataParallelArgs(Seed: 0, Steps: steps, Batch: 4096, Hidden: [256, 256], Warmup: 10);
        Console.WriteLine($"distributed benchmark: data-parallel step, MLP 2-256-256-2, global batch {args.Batch}, SGD; " +
                          $"{steps} steps after {args.Warmup} warm-up; {setup.Threads} thread(s) per rank; {pairs} pairs (the Kit, then PyTorch right after)");
        var measured = new List<Pair>();
        var backend = "";
        for (int p = 0; p < pairs; p++)
        {
            var kit = new Dictionary<string, double>();
            foreach (int n in new[] { 1, 2 })
            {
                var run = Ranks.Run<DataParallelResult>("data-parallel", args, n, RankBackend.Mpi);
                kit[$"dp{n}"] = run.Results[0].SecondsPerStep;
                backend = run.Backend;
            }
            var peer = Peer.Run("distributed_peer.py", setup.Threads, "--threads", setup.Threads.ToString(), "--steps", steps.ToString(), "--warmup", args.Warmup.ToString());
            measured.Add(new Pair(kit, peer));
            Console.WriteLine($"  pair {p + 1}: Kit {Scaling(kit)}" + (peer is null ? "" : $"; PyTorch {Scaling(new() { ["dp1"] = peer.Seconds("dp1"), ["dp2"] = peer.Seconds("dp2") })}"));
            if (peer is null) break;
        }
        AllreduceBandwidth();
        Console.WriteLine($"  Kit: {backend}; TorchSharp {KitTorch.TorchSharpVersion} (libtorch {KitTorch.LibTorchVersion}), {setup.Threads} thread(s) per rank");
        Console.WriteLine("  PyTorch: torch.distributed, gloo backend, DistributedDataParallel, one process per rank");
        return Comparison.Print("PyTorch", measured, setup.Threads, "dp1 / dp2: seconds per step on 1 / 2 ranks; ratio ≤ 1.2 is the target");
    }

    static string Scaling(Dictionary<string, double> s) =>
        $"{1 / s["dp1"]:F1} → {1 / s["dp2"]:F1} steps/s on 1 → 2 ranks (efficiency {s["dp1"] / s["dp2"] / 2:P0})";

    static void AllreduceBandwidth()
    {
        int[] floats = [1 << 10, 1 << 14, 1 << 18, 1 << 20, 1 << 22];
        var sweep = Ranks.Run<AllreduceSweepResult>("allreduce-sweep", new AllreduceSweepArgs(floats, Repeats: 20), 2, RankBackend.Mpi);
        var seconds = sweep.Results[0].FastestSeconds;
        Console.WriteLine("  MPI_Allreduce, 2 ranks (fastest of 20): " +
                          string.Join(", ", floats.Select((f, i) => $"{f * 4 / 1024.0:N0} KiB {seconds[i] * 1e6:F0} µs = {f * 4 / seconds[i] / 1e9:F2} GB/s")));
        Console.WriteLine($"  fitted: {CostModel.Fit([.. floats.Select(f => f * 4.0)], seconds, 2)}");
    }
}
