namespace Kit.Accelerators;

/// <summary>A theoretical fp32 peak and the arithmetic behind it, so that a chart can say how it was estimated.</summary>
public sealed record Peak(double FlopsPerSecond, string How);

/// <summary>
/// Peak fp32 FLOP/s estimated the textbook way: units × clock × FLOPs per unit per cycle. For a CPU the units are the
/// cores Linux lists, the clock is /proc/cpuinfo's "cpu MHz", and the FLOPs per cycle follow the widest vector flags
/// (two FMA pipes assumed, as on recent x86 server cores). For an NVIDIA GPU they are the SMs, the SM clock, and the
/// fp32 lanes per SM that NVIDIA's architecture whitepapers give, two FLOPs per fused multiply-add.
/// </summary>
public static class PeakFlops
{
    /// <summary>fp32 FLOPs one core can finish per cycle, from its /proc/cpuinfo flags.</summary>
    public static (int Flops, string Why) PerCycle(IReadOnlySet<string> flags)
    {
        if (flags.Contains("avx512f") && flags.Contains("fma")) return (64, "AVX-512 + FMA: 2 pipes × 16 floats × 2");
        if (flags.Contains("avx2") && flags.Contains("fma")) return (32, "AVX2 + FMA: 2 pipes × 8 floats × 2");
        if (flags.Contains("avx")) return (16, "AVX: 8-float add + 8-float multiply");
        if (flags.Contains("sse2")) return (8, "SSE2: 4-float add + 4-float multiply");
        return (1, "no vector flags found: 1 per cycle");
    }

    /// <summary>The CPU's peak from a /proc/cpuinfo text (one "processor" block per logical core).</summary>
    public static Peak Cpu(string cpuinfo, int cores)
    {
        if (cores < 1) throw new ArgumentOutOfRangeException(nameof(cores), cores, "cores must be at least 1");
        var lines = cpuinfo.Split('\n');
        string Field(string name) => lines.FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "";
        var mhz = double.TryParse(Field("cpu MHz"), System.Globalization.CultureInfo.InvariantCulture, out var v) && v > 0 ? v : 2000;
        var flags = Field("flags").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        var (perCycle, why) = PerCycle(flags);
        var peak = cores * mhz * 1e6 * perCycle;
        return new Peak(peak, $"{cores} core(s) × {mhz / 1000:0.00} GHz × {perCycle} FLOP/cycle ({why}) = {peak / 1e9:0.#} GFLOP/s");
    }

    /// <summary>This machine's CPU, read from /proc/cpuinfo (a 2 GHz SSE2 guess where there is none).</summary>
    public static Peak ThisCpu() =>
        Cpu(File.Exists("/proc/cpuinfo") ? File.ReadAllText("/proc/cpuinfo") : "flags\t: sse2\n", Environment.ProcessorCount);

    /// <summary>fp32 lanes per SM for a compute capability such as "SM_90" or "9.0"; 64 when the generation is unknown.</summary>
    public static int Fp32LanesPerSm(string? architecture)
    {
        var digits = new string((architecture ?? "").Where(char.IsDigit).ToArray());
        return digits.Length >= 2 ? digits[..2] switch
        {
            "60" => 64, "61" or "62" => 128, "70" or "72" or "75" => 64, "80" => 64,
            "86" or "87" or "89" or "90" => 128, _ => digits[0] >= '9' ? 128 : 64,
        } : 64;
    }

    public static Peak Gpu(AcceleratorInfo gpu)
    {
        var lanes = Fp32LanesPerSm(gpu.Architecture);
        var ghz = gpu.ClockKHz / 1e6;
        var peak = gpu.Multiprocessors * lanes * 2 * ghz * 1e9;
        return new Peak(peak, $"{gpu.Multiprocessors} SMs × {lanes} fp32 lanes × 2 (FMA) × {ghz:0.00} GHz = {peak / 1e12:0.#} TFLOP/s");
    }

    /// <summary>The peak of whichever device a <see cref="KernelDevice"/> runs on.</summary>
    public static Peak Of(AcceleratorInfo device) => device.Kind == "Cuda" ? Gpu(device) : ThisCpu();
}
