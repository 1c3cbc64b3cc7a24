using System.Diagnostics;
using Kit.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Kit.Benchmarks;

/// <summary>
/// Why the Kit picks its thread count: the same small-MLP training step at 1 thread and at every core,
/// interleaved in one run, on a quiet machine and with one core kept busy (as in a classroom laptop
/// running a browser, or CI running two test assemblies at once). Prints medians and the ratio.
/// </summary>
static class ThreadsBenchmark
{
    public static int Run(int rounds = 7, int stepsPerRound = 30)
    {
        KitTorch.Setup();
        int cores = Environment.ProcessorCount;
        Console.WriteLine($"threads benchmark: MLP 2-64-64-2, 4096 points, Adam; {cores} cores; medians of {rounds} rounds × {stepsPerRound} steps");
        foreach (var busy in new[] { false, true })
        {
            using var hog = busy ? new CpuHog() : null;
            var one = new List<double>();
            var all = new List<double>();
            for (int r = 0; r < rounds; r++)
            {
                one.Add(MsPerStep(1, stepsPerRound));
                all.Add(MsPerStep(cores, stepsPerRound));
            }
            double m1 = Median(one), mAll = Median(all);
            Console.WriteLine($"  {(busy ? "one core busy" : "quiet        ")}: 1 thread {m1,6:F2} ms/step | {cores} threads {mAll,6:F2} ms/step | ratio {cores}t/1t = {mAll / m1:F2}");
        }
        torch.set_num_threads(KitTorch.Setup().Threads);
        return 0;
    }

    static double MsPerStep(int threads, int steps)
    {
        torch.set_num_threads(threads);
        torch.manual_seed(0);
        using var scope = torch.NewDisposeScope();
        var x = torch.randn(4096, 2);
        var y = (x[.., 0] * x[.., 1] > 0).to(ScalarType.Int64);
        var model = nn.Sequential(nn.Linear(2, 64), nn.ReLU(), nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 2));
        var opt = optim.Adam(model.parameters(), lr: 0.01);
        Step(model, opt, x, y); // warm-up
        var sw = Stopwatch.StartNew();
        for (int i = 0; i < steps; i++) Step(model, opt, x, y);
        return sw.Elapsed.TotalMilliseconds / steps;
    }

    static void Step(nn.Module<Tensor, Tensor> model, optim.Optimizer opt, Tensor x, Tensor y)
    {
        using var scope = torch.NewDisposeScope();
        opt.zero_grad();
        var loss = nn.functional.cross_entropy(model.forward(x), y);
        loss.backward();
        opt.step();
    }

    static double Median(List<double> xs) { var s = xs.Order().ToList(); return s[s.Count / 2]; }

    sealed class CpuHog : IDisposable
    {
        volatile bool _stop;
        readonly Thread _thread;
        public CpuHog()
        {
            _thread = new Thread(() => { double a = 1; while (!_stop) a = Math.Sqrt(a + 1); }) { IsBackground = true };
            _thread.Start();
        }
        public void Dispose() { _stop = true; _thread.Join(); }
    }
}
