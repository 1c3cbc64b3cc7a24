using Kit.Accelerators;
using Kit.Runtime;

namespace Kit.Benchmarks;

/// <summary>
/// The ILGPU kernels (matmul, conv2d) on the accelerator KernelDevice picks (CUDA when present, else ILGPU's CPU
/// accelerator) against TorchSharp's CPU matmul at the same size, measured in pairs in the same run: FLOP/s, the
/// fraction of the device's peak, and the ratio ILGPU / TorchSharp. No target ratio: the naive kernels are meant to
/// show the gap a tuned library closes (on the CPU) and the one a GPU opens.
/// </summary>
static class AcceleratorsBenchmark
{
    public static int Run(int pairs = 3)
    {
        var setup = KitTorch.Setup();
        using var device = KernelDevice.Open(null);
        var sizes = device.IsGpu ? CheckSizes.Large : CheckSizes.Small;
        var peak = PeakFlops.Of(device.Device);
        Console.WriteLine($"accelerators benchmark: {device.Device} ({device.Reason}); peak {peak.How}");
        Console.WriteLine($"  matmul {sizes.MatMul.M}×{sizes.MatMul.K}×{sizes.MatMul.N}, conv2d {sizes.Conv}; {sizes.Repeats} launches each; {pairs} pairs (ILGPU, then TorchSharp right after)");
        var ratios = new List<double>();
        for (int p = 0; p < pairs; p++)
        {
            var mm = device.MatMulFlops(sizes.MatMul, sizes.Repeats);
            var conv = device.Conv2dFlops(sizes.Conv, sizes.Repeats);
            var torch = TorchReference.MatMulFlops(sizes.MatMul, sizes.Repeats);
            ratios.Add(mm / torch);
            Console.WriteLine($"  pair {p + 1}: ILGPU matmul {mm / 1e9:0.####} GFLOP/s ({mm / peak.FlopsPerSecond:P3} of peak), conv2d {conv / 1e9:0.####} GFLOP/s " +
                              $"({conv / peak.FlopsPerSecond:P3}); TorchSharp CPU matmul {torch / 1e9:0.###} GFLOP/s; ILGPU/TorchSharp {mm / torch:0.####}");
        }
        ratios.Sort();
        Console.WriteLine($"  ILGPU matmul / {TorchReference.Peer}: median {ratios[ratios.Count / 2]:0.####} (range {ratios[0]:0.####}–{ratios[^1]:0.####})");
        Console.WriteLine($"  Kit threads: {setup.Threads} ({setup.ThreadsReason}); machine: {Environment.ProcessorCount} cores, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        return 0;
    }
}
