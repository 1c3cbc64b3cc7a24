using System.Diagnostics;
using Kit.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Kit.Benchmarks;

/// <summary>
/// One training step (forward, loss, backward, Adam) of the lessons' small MLP and CNN, in the Kit (TorchSharp)
/// and in PyTorch (Debian's python3-torch, training_peer.py) with the same shapes and thread count, in one run.
/// Measures in pairs (the Kit, then PyTorch) so each ratio compares runs under the same load on a shared machine.
/// Prints medians, the peer's configuration, and the ratio Kit / PyTorch per model (target ≤ 1.2 on CPU) unless the
/// peer is handicapped (reference BLAS, other thread count): then it says why and exits 3.
/// </summary>
static class TrainingBenchmark
{
    public static int Run(int steps = 30, int rounds = 5, int pairs = 3)
    {
        var setup = KitTorch.Setup();
        int threads = setup.Threads;
        Console.WriteLine($"training-step benchmark: {threads} thread(s), device {setup.DeviceName}; medians of {rounds} rounds × {steps} steps; " +
                          $"{pairs} pairs (the Kit, then PyTorch right after)");
        torch.manual_seed(0);
        var xm = torch.randn(4096, 2);
        var ym = (xm[.., 0] * xm[.., 1] > 0).to(ScalarType.Int64);
        var xc = torch.randn(64, 1, 28, 28);
        var yc = torch.randint(0, 10, [64], dtype: ScalarType.Int64);
        var measured = new List<Pair>();
        for (int p = 0; p < pairs; p++)
        {
            var kit = new Dictionary<string, double>
            {
                ["mlp"] = Bench(Mlp(), xm, ym, steps, rounds),
                ["cnn"] = Bench(Cnn(), xc, yc, steps, rounds),
            };
            var peer = Peer.Run("training_peer.py", threads, "--threads", threads.ToString(), "--steps", steps.ToString(), "--rounds", rounds.ToString());
            measured.Add(new Pair(kit, peer));
            if (peer is null) break;
        }
        Console.WriteLine($"  Kit: TorchSharp {KitTorch.TorchSharpVersion} (libtorch {KitTorch.LibTorchVersion}), {threads} thread(s)");
        return Comparison.Print("PyTorch", measured, threads, "ratio ≤ 1.2 is the target");
    }

    static nn.Module<Tensor, Tensor> Mlp() =>
        nn.Sequential(nn.Linear(2, 64), nn.ReLU(), nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 2));

    static nn.Module<Tensor, Tensor> Cnn() =>
        nn.Sequential(
            nn.Conv2d(1, 8, 3, padding: 1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(8, 16, 3, padding: 1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(16 * 7 * 7, 10));

    static double Bench(nn.Module<Tensor, Tensor> model, Tensor x, Tensor y, int steps, int rounds)
    {
        var opt = optim.Adam(model.parameters(), lr: 1e-3);
        void Step()
        {
            using var scope = torch.NewDisposeScope();
            opt.zero_grad();
            var loss = nn.functional.cross_entropy(model.forward(x), y);
            loss.backward();
            opt.step();
        }
        for (int i = 0; i < 3; i++) Step();
        var times = new List<double>();
        for (int r = 0; r < rounds; r++)
        {
            var sw = Stopwatch.StartNew();
            for (int i = 0; i < steps; i++) Step();
            times.Add(sw.Elapsed.TotalSeconds / steps);
        }
        times.Sort();
        return times[times.Count / 2];
    }
}
