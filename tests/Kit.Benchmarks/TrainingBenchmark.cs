using System.Diagnostics;
using System.Text.Json;
using Kit.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Kit.Benchmarks;

/// <summary>
/// One training step (forward, loss, backward, Adam) of the lessons' small MLP and CNN, in the Kit (TorchSharp)
/// and in PyTorch (Debian's python3-torch, training_peer.py) with the same shapes and thread count, in one run.
/// Prints medians and the ratio Kit / PyTorch per model (target ≤ 1.2 on CPU).
/// </summary>
static class TrainingBenchmark
{
    public static int Run(int steps = 30, int rounds = 5)
    {
        var setup = KitTorch.Setup();
        int threads = setup.Threads;
        Console.WriteLine($"training-step benchmark: {threads} thread(s), device {setup.DeviceName}; medians of {rounds} rounds × {steps} steps");
        torch.manual_seed(0);
        var xm = torch.randn(4096, 2);
        var ym = (xm[.., 0] * xm[.., 1] > 0).to(ScalarType.Int64);
        var xc = torch.randn(64, 1, 28, 28);
        var yc = torch.randint(0, 10, [64], dtype: ScalarType.Int64);
        var kit = new Dictionary<string, double>
        {
            ["mlp"] = Bench(Mlp(), xm, ym, steps, rounds),
            ["cnn"] = Bench(Cnn(), xc, yc, steps, rounds),
        };
        var peer = Peer(threads, steps, rounds);
        Console.WriteLine($"  {"model",-6} {"Kit",12} {"PyTorch",12} {"Kit/PyTorch",12}");
        foreach (var (name, secs) in kit)
        {
            double? py = peer?.GetProperty(name).GetDouble();
            Console.WriteLine($"  {name,-6} {secs * 1000,9:F2} ms {(py is null ? "n/a" : $"{py * 1000,9:F2} ms"),12} {(py is null ? "n/a" : $"{secs / py,12:F2}")}");
        }
        if (peer is { } p) Console.WriteLine($"  (PyTorch {p.GetProperty("torch").GetString()}, {p.GetProperty("threads").GetInt32()} thread(s); ratio ≤ 1.2 is the target)");
        return 0;
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

    static JsonElement? Peer(int threads, int steps, int rounds)
    {
        const string python = "/usr/bin/python3";
        var script = Path.Combine(AppContext.BaseDirectory, "training_peer.py");
        if (!File.Exists(python)) { Console.WriteLine($"  ({python} not found: PyTorch side skipped)"); return null; }
        var psi = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { script, "--threads", threads.ToString(), "--steps", steps.ToString(), "--rounds", rounds.ToString() }) psi.ArgumentList.Add(a);
        // Same OpenMP behaviour as the Kit's process.
        psi.Environment["OMP_NUM_THREADS"] = threads.ToString();
        psi.Environment["OPENBLAS_NUM_THREADS"] = threads.ToString();
        using var p = Process.Start(psi)!;
        string stdout = p.StandardOutput.ReadToEnd(), stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) { Console.WriteLine($"  (PyTorch peer failed, exit {p.ExitCode}: {stderr.Trim()})"); return null; }
        return JsonDocument.Parse(stdout.Trim().Split('\n')[^1]).RootElement.Clone();
    }
}
