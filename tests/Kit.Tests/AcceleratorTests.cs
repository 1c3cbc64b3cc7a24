using Kit.Accelerators;

namespace Kit.Tests;

public class AcceleratorTests
{
    static float[] Values(int n, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => (float)(rng.NextDouble() * 2 - 1)).ToArray();
    }

    [Fact]
    public void The_matmul_kernel_on_ilgpus_cpu_accelerator_equals_torchsharps_matmul_within_float_tolerance()
    {
        using var device = KernelDevice.Open("cpu");
        Seeds.Every(seed =>
        {
            var (a, b) = (Values(37 * 53, seed), Values(53 * 29, seed + 100));
            var expected = TorchReference.MatMul(a, b, 37, 53, 29);
            Assert.InRange(AcceleratorCheck.MaxAbsDifference(device.MatMul(a, b, 37, 53, 29), expected), 0, 1e-4);
        });
    }

    [Fact]
    public void The_conv2d_kernel_on_ilgpus_cpu_accelerator_equals_torchsharps_conv2d_within_float_tolerance()
    {
        using var device = KernelDevice.Open("cpu");
        Seeds.Every(seed =>
        {
            var (x, w) = (Values(3 * 12 * 15, seed), Values(4 * 3 * 5 * 5, seed + 100));
            var expected = TorchReference.Conv2d(x, w, 3, 12, 15, 4, 5);
            var got = device.Conv2d(x, w, 3, 12, 15, 4, 5);
            Assert.Equal(4 * 8 * 11, got.Length);
            Assert.InRange(AcceleratorCheck.MaxAbsDifference(got, expected), 0, 1e-4);
        });
    }

    [Fact]
    public void Shapes_that_do_not_match_are_refused_with_a_message_naming_the_argument_and_the_size_expected()
    {
        using var device = KernelDevice.Open("cpu");
        var e = Assert.Throws<ArgumentException>(() => device.MatMul(new float[6], new float[7], 2, 3, 2));
        Assert.Equal("b", e.ParamName);
        Assert.Contains("k×n = 3×2 = 6", e.Message);
        var c = Assert.Throws<ArgumentException>(() => device.Conv2d(new float[16], new float[25], 1, 4, 4, 1, 5));
        Assert.Equal("kernelSize", c.ParamName);
        Assert.Contains("must fit inside", c.Message);
    }

    [Theory]
    [InlineData("cuda:7", "only")]
    [InlineData("cuda:x", "not a device")]
    [InlineData("tpu", "not a device")]
    public void A_device_that_does_not_exist_gives_a_clear_reason_and_the_cpu_path_still_computes(string requested, string said)
    {
        using var device = KernelDevice.Open(requested);
        Assert.False(device.IsGpu);
        Assert.Contains("using the CPU", device.Reason);
        if (KernelDevice.List().Devices.All(d => d.Kind != "Cuda") && said == "only")
            Assert.Contains("no CUDA device", device.Reason);
        else Assert.Contains(said, device.Reason);
        Assert.Equal([19f], device.MatMul([1, 2], [5, 7], 1, 2, 1));
    }

    [Fact]
    public void Without_a_gpu_the_cpu_accelerator_is_listed_and_auto_says_why_it_fell_back()
    {
        var (devices, problem) = KernelDevice.List();
        Assert.Contains(devices, d => d.Kind == "CPU");
        if (devices.Any(d => d.Kind == "Cuda")) return;
        Assert.NotNull(problem);
        using var device = KernelDevice.Open("auto");
        Assert.Contains("no CUDA device", device.Reason);
    }

    [Fact]
    public void The_cpu_peak_is_cores_times_clock_times_flops_per_cycle_from_the_vector_flags()
    {
        const string cpuinfo = "processor\t: 0\ncpu MHz\t\t: 2500.000\nflags\t\t: fpu sse2 avx avx2 fma\n";
        var peak = PeakFlops.Cpu(cpuinfo, cores: 4);
        Assert.Equal(4 * 2.5e9 * 32, peak.FlopsPerSecond); // 4 cores × 2.5 GHz × (2 FMA pipes × 8 floats × 2)
        Assert.Contains("AVX2", peak.How);
        Assert.Equal(64, PeakFlops.PerCycle(new HashSet<string> { "avx512f", "fma", "avx2" }).Flops);
        Assert.Equal(16, PeakFlops.PerCycle(new HashSet<string> { "avx" }).Flops);
    }

    [Fact]
    public void The_gpu_peak_of_an_h100_sxm_matches_nvidias_spec_sheet_of_about_67_fp32_tflops()
    {
        var h100 = new AcceleratorInfo("Cuda", 0, "NVIDIA H100", 80L << 30, Multiprocessors: 132, ClockKHz: 1_980_000, "SM_90");
        Assert.InRange(PeakFlops.Gpu(h100).FlopsPerSecond / 1e12, 66, 68); // 132 × 128 × 2 × 1.98 GHz
        Assert.Equal(64, PeakFlops.Fp32LanesPerSm("SM_80")); // A100: 19.5 TFLOP/s = 108 × 64 × 2 × 1.41 GHz
    }

    [Fact]
    public void The_check_report_on_the_cpu_says_the_results_match_and_gives_flops_and_the_ratio_to_torchsharp()
    {
        var path = Path.Combine(Path.GetTempPath(), $"kit-gpu-check-{Guid.NewGuid():N}", "report.json");
        var report = AcceleratorCheck.Run("cpu", CheckSizes.Small with { Repeats = 1 }, (TorchReference.Peer, s => TorchReference.MatMulFlops(s, 1)));
        report.Save(path);
        var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path)).RootElement;
        Assert.True(json.GetProperty("gpu_and_cpu_results_equal").GetBoolean());
        Assert.False(json.GetProperty("ran_on_gpu").GetBoolean());
        Assert.Equal(["matmul", "conv2d"], json.GetProperty("kernels").EnumerateArray().Select(k => k.GetProperty("kernel").GetString()));
        Assert.All(report.Kernels, k => Assert.True(k.FlopsPerSecond > 0 && k.FractionOfPeak is > 0 and < 1));
        Assert.True(json.GetProperty("mat_mul_ratio_to_torch_cpu").GetDouble() > 0);
        Assert.False(File.Exists(path + ".tmp"));
        Directory.Delete(Path.GetDirectoryName(path)!, true);
    }

    [Fact]
    public void Without_nvidias_driver_library_the_banner_says_cpu_only_and_agrees_with_the_full_probe()
    {
        if (System.Runtime.InteropServices.NativeLibrary.TryLoad("libcuda.so.1", out var driver))
        {
            System.Runtime.InteropServices.NativeLibrary.Free(driver);
            Assert.Equal(KernelDevice.Summary(), KernelDevice.BannerSummary());
            return;
        }
        Assert.Equal("ILGPU: CPU accelerator only (no CUDA driver, libcuda.so.1, on this machine)", KernelDevice.BannerSummary());
        Assert.StartsWith("ILGPU: CPU accelerator only", KernelDevice.Summary());
    }
}
