using System.Runtime.InteropServices;

namespace Kit.Benchmarks;

/// <summary>
/// CPU time (user + system) used by this program's finished child processes and the children they waited for, from
/// getrusage(RUSAGE_CHILDREN). On a shared machine it measures a child's work where its wall time also counts the wait
/// for a core. Linux only; null elsewhere.
/// </summary>
static class ChildCpuTime
{
    const int RusageChildren = -1;

    [StructLayout(LayoutKind.Sequential)]
    struct TimeValue { public long Seconds; public long Microseconds; }

    // struct rusage on 64-bit Linux: two timevals, then 14 longs this program does not read.
    [StructLayout(LayoutKind.Sequential, Size = 144)]
    struct ResourceUsage { public TimeValue User; public TimeValue System; }

    [DllImport("libc", EntryPoint = "getrusage")]
    private static extern int GetResourceUsage(int who, out ResourceUsage usage);

    public static double? Seconds()
    {
        if (!OperatingSystem.IsLinux() || !Environment.Is64BitProcess || GetResourceUsage(RusageChildren, out var usage) != 0) return null;
        return Seconds(usage.User) + Seconds(usage.System);
    }

    static double Seconds(TimeValue t) => t.Seconds + t.Microseconds / 1e6;
}
