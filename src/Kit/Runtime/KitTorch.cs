using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace Kit.Runtime;

/// <summary>
/// The one place the Kit starts TorchSharp: native library (see <see cref="NativeLoader"/>),
/// thread counts and device. Call <see cref="Setup"/> before any other <c>torch.*</c> call.
/// </summary>
public static class KitTorch
{
    static readonly Lock Gate = new();
    static TorchSetupReport? _report;

    /// <summary>The device lessons train on: CUDA when available (or forced), else CPU.</summary>
    public static Device Device => Setup().Device;

    /// <summary>Idempotent. Honors KIT_DEVICE=cpu|cuda and KIT_THREADS=n.</summary>
    public static TorchSetupReport Setup()
    {
        lock (Gate)
        {
            if (_report is not null) return _report;
            var native = NativeLoader.Prepare();
            if (!native.Ok)
                throw new InvalidOperationException($"TorchSharp cannot load here: {native.Message} Run 'kit doctor' for details.");
            var (threads, threadReason) = ChooseThreads();
            torch.set_num_threads(threads);
            TrySetInteropThreads(1);
            var (deviceType, deviceReason) = ChooseDevice(Environment.GetEnvironmentVariable("KIT_DEVICE"), torch.cuda.is_available());
            var device = torch.device(deviceType);
            _report = new TorchSetupReport(native, device, deviceReason, threads, threadReason, TorchSharpVersion, LibTorchVersion);
            return _report;
        }
    }

    public static string TorchSharpVersion =>
        FileVersionInfo.GetVersionInfo(typeof(torch).Assembly.Location).ProductVersion?.Split('+')[0]
        ?? typeof(torch).Assembly.GetName().Version?.ToString() ?? "unknown";

    public static string LibTorchVersion => "2.10.0";

    /// <summary>Seeds every generator the Kit uses, for reproducible lessons and tests.</summary>
    public static void Seed(int seed)
    {
        Setup();
        torch.manual_seed(seed);
        if (torch.cuda.is_available()) torch.cuda.manual_seed_all(seed);
    }

    /// <summary>Pure decision, separate from the hardware so that it can be tested.</summary>
    public static (DeviceType Device, string Reason) ChooseDevice(string? requested, bool cudaAvailable)
    {
        var want = requested?.Trim().ToLowerInvariant();
        switch (want)
        {
            case null or "" or "auto":
                return cudaAvailable
                    ? (DeviceType.CUDA, "CUDA is available")
                      : (DeviceType.CPU, "no CUDA device or CUDA build of TorchSharp found");
            case "cpu":
                return (DeviceType.CPU, "KIT_DEVICE=cpu");
            case "cuda":
                if (!cudaAvailable)
                    throw new InvalidOperationException(
                        "KIT_DEVICE=cuda but CUDA is not available: build with -p:TorchBackend=cuda on a machine with an NVIDIA driver, or unset KIT_DEVICE.");
                return (DeviceType.CUDA, "KIT_DEVICE=cuda");
            default:
                throw new ArgumentException($"KIT_DEVICE must be 'cpu', 'cuda' or 'auto', not '{requested}'.", "KIT_DEVICE");
        }
    }

    /// <summary>
    /// Lessons train small models. On small machines libtorch's default of one OpenMP thread per core
    /// made such a model up to 10x slower whenever anything else ran (threads spin-waiting on each
    /// other), so the Kit uses half the cores, at most 4, and one thread on 1-2 cores.
    /// </summary>
    public static (int Threads, string Reason) ChooseThreads(string? requested = null, int? cores = null)
    {
        requested ??= Environment.GetEnvironmentVariable("KIT_THREADS");
        int n = cores ?? Environment.ProcessorCount;
        if (!string.IsNullOrWhiteSpace(requested))
        {
            if (!int.TryParse(requested, out var t) || t < 1)
                throw new ArgumentException($"KIT_THREADS must be a positive whole number, not '{requested}'.", "KIT_THREADS");
            return (t, $"KIT_THREADS={t}");
        }
        int chosen = n <= 2 ? 1 : Math.Min(4, n / 2);
        return (chosen, $"{chosen} of {n} cores: small models run faster without threads spin-waiting on each other");
    }

    static void TrySetInteropThreads(int n)
    {
        try { torch.set_num_interop_threads(n); }
        catch (Exception) { /* can only be set once per process, before parallel work starts */ }
    }
}

public sealed record TorchSetupReport(
    NativeLoadReport Native, Device Device, string DeviceReason, int Threads, string ThreadsReason,
    string TorchSharpVersion, string LibTorchVersion)
{
    public bool IsCuda => Device.type == DeviceType.CUDA;
    public string DeviceName => IsCuda ? "cuda" : "cpu";
}
