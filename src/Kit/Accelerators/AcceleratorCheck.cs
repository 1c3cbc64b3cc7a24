using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kit.Accelerators;

/// <summary>One kernel's figures on one device: speed, the share of that device's peak, and agreement with the CPU.</summary>
public sealed record KernelFigures(string Kernel, string Shape, double Flops, double FlopsPerSecond, double FractionOfPeak,
    double MaxAbsDifference, bool MatchesCpu);

/// <summary>What <c>kit gpu-check</c> and environment/gpu-check.sh write: devices found, results compared, FLOP/s.</summary>
public sealed record AcceleratorReport(
    IReadOnlyList<string> DevicesFound, string? CudaProblem, string Device, string DeviceReason, bool RanOnGpu,
    Peak DevicePeak, Peak CpuPeak, IReadOnlyList<KernelFigures> Kernels, IReadOnlyList<KernelFigures> CpuAcceleratorKernels,
    bool GpuAndCpuResultsEqual, string? TorchPeer, double? TorchCpuMatMulFlopsPerSecond, double? MatMulRatioToTorchCpu,
    double? GpuOverCpuAcceleratorMatMul, string WrittenAtUtc)
{
    static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Writes the JSON through a temporary file and a rename, so a reader never sees half a report.</summary>
    public void Save(string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".tmp";
        File.WriteAllText(temp, ToJson());
        File.Move(temp, full, overwrite: true);
    }
}

/// <summary>Sizes for one run: small ones finish in seconds on ILGPU's CPU accelerator, large ones keep a GPU busy.</summary>
public sealed record CheckSizes(MatMulShape MatMul, ConvShape Conv, int Repeats)
{
    public static readonly CheckSizes Small = new(new MatMulShape(128, 128, 128), new ConvShape(8, 32, 32, 16, 3, 3), 3);
    public static readonly CheckSizes Large = new(new MatMulShape(2048, 2048, 2048), new ConvShape(64, 256, 256, 128, 3, 3), 10);
}

/// <summary>
/// Runs both kernels on the chosen accelerator and on ILGPU's CPU accelerator, checks every result against a plain C#
/// loop, and measures FLOP/s. The TorchSharp figure comes from the caller (<paramref name="torchMatMul"/>), so that the
/// device check can run as a small program that does not carry libtorch.
/// </summary>
public static class AcceleratorCheck
{
    public const float Tolerance = 1e-3f;

    public static AcceleratorReport Run(string? requested, CheckSizes? sizes = null,
        (string Peer, Func<MatMulShape, double> FlopsPerSecond)? torchMatMul = null, TextWriter? log = null)
    {
        var (devices, problem) = KernelDevice.List();
        using var device = KernelDevice.Open(requested);
        sizes ??= device.IsGpu ? CheckSizes.Large : CheckSizes.Small;
        log?.WriteLine($"devices: {string.Join("; ", devices)}");
        log?.WriteLine($"running on {device.Device} ({device.Reason})");
        var cpuPeak = PeakFlops.ThisCpu();
        var kernels = Measure(device, sizes, PeakFlops.Of(device.Device));
        var onCpu = kernels;
        if (device.IsGpu)
        {
            using var cpu = KernelDevice.Open("cpu");
            onCpu = Measure(cpu, CheckSizes.Small with { Repeats = 2 }, cpuPeak);
        }
        double? torch = torchMatMul?.FlopsPerSecond(sizes.MatMul);
        var matMul = kernels[0].FlopsPerSecond;
        foreach (var k in kernels) log?.WriteLine($"{k.Kernel} {k.Shape}: {k.FlopsPerSecond / 1e9:0.###} GFLOP/s, {k.FractionOfPeak:P2} of peak, max |diff| {k.MaxAbsDifference:g3}");
        return new AcceleratorReport(
            devices.Select(d => d.ToString()).ToList(), problem, device.Device.ToString(), device.Reason, device.IsGpu,
            PeakFlops.Of(device.Device), cpuPeak, kernels, onCpu, kernels.Concat(onCpu).All(k => k.MatchesCpu),
            torchMatMul?.Peer, torch, torch is > 0 ? matMul / torch : null,
            device.IsGpu ? matMul / onCpu[0].FlopsPerSecond : null, DateTime.UtcNow.ToString("O"));
    }

    static List<KernelFigures> Measure(KernelDevice device, CheckSizes sizes, Peak peak)
    {
        // Agreement is checked at a size every device finishes quickly; speed at the size chosen for the device.
        var rng = new Random(17);
        float[] Values(int n) => Enumerable.Range(0, n).Select(_ => (float)(rng.NextDouble() * 2 - 1)).ToArray();
        var mm = CheckSizes.Small.MatMul;
        var (a, b) = (Values(mm.M * mm.K), Values(mm.K * mm.N));
        var mmDiff = MaxAbsDifference(device.MatMul(a, b, mm.M, mm.K, mm.N), Reference.MatMul(a, b, mm.M, mm.K, mm.N));
        var cv = CheckSizes.Small.Conv;
        var (x, w) = (Values(cv.InChannels * cv.Height * cv.Width), Values(cv.OutChannels * cv.InChannels * cv.KernelHeight * cv.KernelWidth));
        var cvDiff = MaxAbsDifference(device.Conv2d(x, w, cv.InChannels, cv.Height, cv.Width, cv.OutChannels, cv.KernelHeight),
            Reference.Conv2d(x, w, cv));
        var mmRate = device.MatMulFlops(sizes.MatMul, sizes.Repeats);
        var cvRate = device.Conv2dFlops(sizes.Conv, sizes.Repeats);
        var s = sizes.Conv;
        return
        [
            new("matmul", sizes.MatMul.ToString(), sizes.MatMul.Flops, mmRate,
                mmRate / peak.FlopsPerSecond, mmDiff, mmDiff <= Tolerance),
            new("conv2d", s.ToString(), s.Flops, cvRate, cvRate / peak.FlopsPerSecond, cvDiff, cvDiff <= Tolerance),
        ];
    }

    public static double MaxAbsDifference(float[] x, float[] y)
    {
        if (x.Length != y.Length) throw new ArgumentException($"lengths differ: {x.Length} and {y.Length}", nameof(y));
        double max = 0;
        for (int i = 0; i < x.Length; i++) max = Math.Max(max, Math.Abs((double)x[i] - y[i]));
        return max;
    }
}

/// <summary>The same two operations as plain C# loops in double precision: the yardstick every device is held to.</summary>
public static class Reference
{
    public static float[] MatMul(float[] a, float[] b, int m, int k, int n)
    {
        MatMulShape.Of(a, b, m, k, n);
        var c = new float[m * n];
        for (int r = 0; r < m; r++)
            for (int col = 0; col < n; col++)
            {
                double sum = 0;
                for (int i = 0; i < k; i++) sum += (double)a[r * k + i] * b[i * n + col];
                c[r * n + col] = (float)sum;
            }
        return c;
    }

    public static float[] Conv2d(float[] input, float[] weight, ConvShape s)
    {
        var output = new float[s.OutputLength];
        for (int o = 0; o < s.OutChannels; o++)
            for (int y = 0; y < s.OutHeight; y++)
                for (int x = 0; x < s.OutWidth; x++)
                {
                    double sum = 0;
                    for (int c = 0; c < s.InChannels; c++)
                        for (int i = 0; i < s.KernelHeight; i++)
                            for (int j = 0; j < s.KernelWidth; j++)
                                sum += (double)input[(c * s.Height + y + i) * s.Width + x + j]
                                     * weight[((o * s.InChannels + c) * s.KernelHeight + i) * s.KernelWidth + j];
                    output[(o * s.OutHeight + y) * s.OutWidth + x] = (float)sum;
                }
        return output;
    }
}
