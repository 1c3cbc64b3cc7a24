using System.Diagnostics;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;

namespace Kit.Accelerators;

/// <summary>One device ILGPU found: its kind (Cuda, CPU), name, memory, and what the peak estimate needs.</summary>
public sealed record AcceleratorInfo(string Kind, int Index, string Name, long MemoryBytes, int Multiprocessors,
    int ClockKHz, string? Architecture)
{
    public override string ToString() => Kind == "Cuda"
        ? $"CUDA {Index}: {Name} ({Architecture}, {Multiprocessors} SMs, {MemoryBytes / (1L << 30)} GiB)"
        : $"ILGPU CPU accelerator ({Multiprocessors} cores of this machine)";
}

/// <summary>
/// Runs <see cref="Kernels"/> through ILGPU on one accelerator: CUDA when a GPU and driver are there (or asked for with
/// KIT_ACCELERATOR=cuda, cuda:N), ILGPU's CPU accelerator otherwise. Any request that cannot be met (no such device, a
/// driver without a usable GPU) falls back to the CPU and says why in <see cref="Reason"/>; nothing throws for that.
/// </summary>
public sealed class KernelDevice : IDisposable
{
    readonly Context _context;
    readonly Accelerator _accelerator;
    readonly Action<Index2D, ArrayView<float>, ArrayView<float>, ArrayView<float>, int, int> _matMul;
    readonly Action<Index3D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ConvShape> _conv2d;

    public AcceleratorInfo Device { get; }
    public string Reason { get; }
    public bool IsGpu => Device.Kind == "Cuda";

    KernelDevice(Context context, Accelerator accelerator, AcceleratorInfo device, string reason)
    {
        (_context, _accelerator, Device, Reason) = (context, accelerator, device, reason);
        _matMul = accelerator.LoadAutoGroupedStreamKernel<Index2D, ArrayView<float>, ArrayView<float>, ArrayView<float>, int, int>(Kernels.MatMul);
        _conv2d = accelerator.LoadAutoGroupedStreamKernel<Index3D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ConvShape>(Kernels.Conv2d);
    }

    /// <summary>Every accelerator ILGPU sees, and why CUDA is missing when it is (null when nothing went wrong).</summary>
    public static (IReadOnlyList<AcceleratorInfo> Devices, string? Problem) List()
    {
        var (context, problem) = CreateContext();
        using (context) return (context.Devices.Select(Describe).ToList(), problem ?? NoCudaNote(context));
    }

    /// <summary>One line for the setup banner and <c>kit doctor</c>: the CUDA devices ILGPU sees, or why there are none.</summary>
    public static string Summary()
    {
        try
        {
            var (devices, problem) = List();
            var gpus = devices.Where(d => d.Kind == "Cuda").ToList();
            return gpus.Count > 0 ? $"ILGPU sees {string.Join(", ", gpus)}" : $"ILGPU: CPU accelerator only ({problem})";
        }
        catch (Exception e)
        {
            return $"ILGPU did not start: {e.Message}";
        }
    }

    /// <summary>
    /// <see cref="Summary"/> for the setup banner, which every lesson prints: on Linux without NVIDIA's driver library
    /// there can be no CUDA device, so it says so without starting ILGPU (the full probe is for <c>kit doctor</c>).
    /// </summary>
    public static string BannerSummary()
    {
        if (!OperatingSystem.IsLinux()) return Summary();
        if (!System.Runtime.InteropServices.NativeLibrary.TryLoad("libcuda.so.1", out var driver))
            return "ILGPU: CPU accelerator only (no CUDA driver, libcuda.so.1, on this machine)";
        System.Runtime.InteropServices.NativeLibrary.Free(driver);
        return Summary();
    }

    /// <summary>Opens the requested accelerator: "auto" (or null: KIT_ACCELERATOR, then auto), "cpu", "cuda" or "cuda:N".</summary>
    public static KernelDevice Open(string? requested = null)
    {
        requested ??= Environment.GetEnvironmentVariable("KIT_ACCELERATOR");
        var want = string.IsNullOrWhiteSpace(requested) ? "auto" : requested.Trim().ToLowerInvariant();
        var (context, problem) = CreateContext();
        var cuda = context.GetCudaDevices();
        string reason;
        if (want == "cpu") reason = "asked for the CPU";
        else if (want is "auto" or "cuda" || want.StartsWith("cuda:"))
        {
            int index = 0;
            if (want.StartsWith("cuda:") && !int.TryParse(want[5..], out index))
                return OnCpu(context, $"'{requested}' is not a device: expected cpu, cuda or cuda:N with N a number; using the CPU");
            if (index < 0 || index >= cuda.Count)
                reason = cuda.Count == 0
                    ? (want == "auto" ? "" : $"'{requested}' asked for, but ") + (problem ?? "ILGPU found no CUDA device (no NVIDIA GPU or driver)") + "; using the CPU"
                    : $"'{requested}' asked for, but there are only {cuda.Count} CUDA device(s) (cuda:0 to cuda:{cuda.Count - 1}); using the CPU";
            else
            {
                try
                {
                    var gpu = cuda[index].CreateAccelerator(context);
                    return new KernelDevice(context, gpu, Describe(cuda[index]), want == "auto" ? "a CUDA device is present" : $"asked for {want}");
                }
                catch (Exception e)
                {
                    reason = $"CUDA device {index} ({cuda[index].Name}) is there but could not be used: {e.Message}; using the CPU";
                }
            }
        }
        else reason = $"'{requested}' is not a device: expected auto, cpu, cuda or cuda:N; using the CPU";
        return OnCpu(context, reason);
    }

    static KernelDevice OnCpu(Context context, string reason)
    {
        var cpu = context.GetCPUDevices()[0];
        return new KernelDevice(context, cpu.CreateAccelerator(context), Describe(cpu), reason);
    }

    /// <summary>A driver that is present but broken makes ILGPU's CUDA probe throw; the CPU must still work then.</summary>
    static (Context Context, string? Problem) CreateContext()
    {
        try { return (Context.Create(b => b.DefaultCPU().Cuda()), null); }
        catch (Exception e) { return (Context.Create(b => b.DefaultCPU()), $"the CUDA driver did not answer ({e.Message})"); }
    }

    static string? NoCudaNote(Context context) =>
        context.GetCudaDevices().Count == 0 ? "no CUDA device (no NVIDIA GPU or driver found)" : null;

    static AcceleratorInfo Describe(Device d) => d is CudaDevice c
        ? new AcceleratorInfo("Cuda", c.DeviceId, c.Name, c.MemorySize, c.NumMultiprocessors, c.ClockRate, c.Architecture?.ToString())
        : new AcceleratorInfo(d.AcceleratorType.ToString(), 0, d.Name, d.MemorySize, Environment.ProcessorCount, 0, null);

    /// <summary>c = a·b, with a m×k and b k×n, row-major.</summary>
    public float[] MatMul(float[] a, float[] b, int m, int k, int n)
    {
        var s = MatMulShape.Of(a, b, m, k, n);
        using var da = _accelerator.Allocate1D(a);
        using var db = _accelerator.Allocate1D(b);
        using var dc = _accelerator.Allocate1D<float>((long)s.M * s.N);
        _matMul(new Index2D(s.M, s.N), da.View, db.View, dc.View, s.K, s.N);
        _accelerator.Synchronize();
        return dc.GetAsArray1D();
    }

    /// <summary>torch's conv2d (valid, stride 1) of one image [cin, h, w] by weights [cout, cin, k, k].</summary>
    public float[] Conv2d(float[] input, float[] weight, int inChannels, int height, int width, int outChannels, int kernelSize)
    {
        var s = ConvShape.Of(input, weight, inChannels, height, width, outChannels, kernelSize);
        using var di = _accelerator.Allocate1D(input);
        using var dw = _accelerator.Allocate1D(weight);
        using var dout = _accelerator.Allocate1D<float>(s.OutputLength);
        _conv2d(new Index3D(s.OutChannels, s.OutHeight, s.OutWidth), di.View, dw.View, dout.View, s);
        _accelerator.Synchronize();
        return dout.GetAsArray1D();
    }

    /// <summary>
    /// FLOP/s of the kernels alone: data already on the device, one untimed launch first (it compiles the kernel), then
    /// the mean of <paramref name="repeats"/> launches. Copies to and from the device are left out on purpose: they are
    /// the same for any kernel and the lesson compares arithmetic.
    /// </summary>
    public double MatMulFlops(MatMulShape s, int repeats)
    {
        using var da = _accelerator.Allocate1D<float>((long)s.M * s.K);
        using var db = _accelerator.Allocate1D<float>((long)s.K * s.N);
        using var dc = _accelerator.Allocate1D<float>((long)s.M * s.N);
        da.MemSetToZero(); db.MemSetToZero();
        return Time(s.Flops, repeats, () => _matMul(new Index2D(s.M, s.N), da.View, db.View, dc.View, s.K, s.N));
    }

    public double Conv2dFlops(ConvShape s, int repeats)
    {
        using var di = _accelerator.Allocate1D<float>((long)s.InChannels * s.Height * s.Width);
        using var dw = _accelerator.Allocate1D<float>((long)s.OutChannels * s.InChannels * s.KernelHeight * s.KernelWidth);
        using var dout = _accelerator.Allocate1D<float>(s.OutputLength);
        di.MemSetToZero(); dw.MemSetToZero();
        return Time(s.Flops, repeats, () => _conv2d(new Index3D(s.OutChannels, s.OutHeight, s.OutWidth), di.View, dw.View, dout.View, s));
    }

    double Time(double flops, int repeats, Action launch)
    {
        if (repeats < 1) throw new ArgumentOutOfRangeException(nameof(repeats), repeats, "repeats must be at least 1");
        launch();
        _accelerator.Synchronize();
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < repeats; i++) launch();
        _accelerator.Synchronize();
        return flops * repeats / clock.Elapsed.TotalSeconds;
    }

    public void Dispose()
    {
        _accelerator.Dispose();
        _context.Dispose();
    }
}
