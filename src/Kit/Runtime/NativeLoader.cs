using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Kit.Runtime;

/// <summary>
/// Makes TorchSharp's native library load on systems whose libstdc++ is older than the one it was
/// built against (Debian 12, Ubuntu 22.04: GLIBCXX_3.4.30, while libLibTorchSharp.so asks for 3.4.32).
/// The only thing it needs from 3.4.32 is a marker symbol nothing calls, so the Kit loads a copy
/// of the library in which that one requirement is marked weak. The NuGet cache and the system are
/// never modified. Must run before the first <c>torch.*</c> call: TorchSharp remembers a failed load.
/// </summary>
public static class NativeLoader
{
    /// <summary>Symbols known to be safe to leave unresolved: GCC 13's iostream-initialisation marker.</summary>
    static readonly HashSet<string> MarkerSymbols = ["_ZSt21ios_base_library_initv"];

    static readonly Lock Gate = new();
    static NativeLoadReport? _report;
    static IntPtr _patchedHandle;

    public static NativeLoadReport Report => _report ?? Prepare();

    /// <summary>Idempotent; never throws: problems are described in the report.</summary>
    public static NativeLoadReport Prepare()
    {
        lock (Gate)
        {
            if (_report is not null) return _report;
            try { _report = PrepareCore(); }
            catch (Exception e) { _report = NativeLoadReport.Failed($"could not prepare TorchSharp's native library: {e.Message}"); }
            return _report;
        }
    }

    static NativeLoadReport PrepareCore()
    {
        if (!OperatingSystem.IsLinux())
            return NativeLoadReport.Untouched("not Linux: TorchSharp's own loader is used as shipped");

        var torchSharpDir = Path.GetDirectoryName(typeof(TorchSharp.torch).Assembly.Location) ?? "";
        var rid = RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? "linux-arm64" : "linux-x64";
        var original = FindFile("libLibTorchSharp.so", NativeDirs(torchSharpDir, rid));
        if (original is null)
            return NativeLoadReport.Untouched($"libLibTorchSharp.so not found near {torchSharpDir}: TorchSharp's own loader is used");

        var lib = ElfVersionInfo.Read(original);
        var libstdcxx = SystemLibStdCxx.Find();
        if (libstdcxx is null)
            return NativeLoadReport.Untouched("no libstdc++.so.6 found in the usual places: TorchSharp's own loader is used", original);

        var provided = ElfVersionInfo.Read(libstdcxx).Definitions.ToHashSet();
        var missing = lib.Requirements
            .Where(r => r.File.StartsWith("libstdc++", StringComparison.Ordinal) && !r.IsWeak && !provided.Contains(r.Version))
            .Select(r => r.Version).Distinct().ToList();
        if (missing.Count == 0)
            return NativeLoadReport.Untouched($"system libstdc++ ({libstdcxx}) provides every version TorchSharp needs", original, libstdcxx);

        var bound = lib.SymbolsBoundTo(missing);
        var unsafeSymbols = bound.Where(s => !MarkerSymbols.Contains(s)).ToList();
        if (unsafeSymbols.Count > 0)
            return NativeLoadReport.Failed(
                $"libLibTorchSharp.so needs {string.Join(", ", missing)} from libstdc++ for {string.Join(", ", unsafeSymbols.Take(3))}; " +
                $"{libstdcxx} lacks it. Use a system with GCC 13's libstdc++ (Ubuntu 24.04, Debian 13).", original, libstdcxx);

        var copy = WeakenedCopy(original, lib, missing);
        var libtorch = FindLibTorch(original, torchSharpDir, rid);
        try
        {
            if (libtorch is not null) NativeLibrary.Load(libtorch);
            _patchedHandle = NativeLibrary.Load(copy);
        }
        catch (DllNotFoundException e)
        {
            // E.g. a CUDA install whose libtorch is still in NuGet fragments until TorchSharp consolidates them.
            return NativeLoadReport.Untouched(
                $"system libstdc++ lacks {string.Join(", ", missing)}; the patched copy {copy} could not be loaded yet " +
                $"({e.Message.Split('\n')[0]}), so TorchSharp's own loader is used", original, libstdcxx);
        }
        // TorchSharp probes by name; when its probe lands on the unpatched file, hand it ours.
        System.Runtime.Loader.AssemblyLoadContext.Default.ResolvingUnmanagedDll += ResolveLibTorchSharp;
        return new NativeLoadReport(true, true,
            $"system libstdc++ lacks {string.Join(", ", missing)} (needed only by the marker symbol " +
            $"{string.Join(", ", bound)}); loaded a copy of libLibTorchSharp.so with that requirement marked weak",
            original, libstdcxx, copy, libtorch);
    }

    static IntPtr ResolveLibTorchSharp(Assembly assembly, string name) =>
        name.Contains("LibTorchSharp", StringComparison.Ordinal) ? _patchedHandle : IntPtr.Zero;

    static string WeakenedCopy(string original, ElfVersionInfo lib, IReadOnlyList<string> missing)
    {
        var info = new FileInfo(original);
        using var sha = SHA256.Create();
        using var stream = File.OpenRead(original);
        var hash = Convert.ToHexString(sha.ComputeHash(stream))[..16].ToLowerInvariant();
        var dir = Path.Combine(KitPaths.Home, "native", $"libtorchsharp-{hash}");
        var target = Path.Combine(dir, "libLibTorchSharp.so");
        if (File.Exists(target) && new FileInfo(target).Length == info.Length)
        {
            var existing = ElfVersionInfo.Read(target);
            if (existing.Requirements.Where(r => missing.Contains(r.Version)).All(r => r.IsWeak)) return target;
        }
        KitPaths.WriteAtomically(target, lib.WithWeakRequirements(missing));
        return target;
    }

    static IEnumerable<string> NativeDirs(string torchSharpDir, string rid)
    {
        yield return torchSharpDir;
        yield return Path.Combine(torchSharpDir, "runtimes", rid, "native");
        // NuGet layout: <root>/torchsharp/<ver>/lib/net8.0/TorchSharp.dll -> <root>/torchsharp/<ver>/runtimes/<rid>/native
        yield return Path.GetFullPath(Path.Combine(torchSharpDir, "..", "..", "runtimes", rid, "native"));
    }

    static string? FindLibTorch(string libTorchSharp, string torchSharpDir, string rid)
    {
        var beside = Path.Combine(Path.GetDirectoryName(libTorchSharp)!, "libtorch.so");
        if (File.Exists(beside)) return beside;
        var near = FindFile("libtorch.so", NativeDirs(torchSharpDir, rid));
        if (near is not null) return near;
        // NuGet layout: the libtorch-* package sits beside torchsharp/ in the packages root.
        var root = Path.GetFullPath(Path.Combine(torchSharpDir, "..", "..", "..", ".."));
        if (!Directory.Exists(root)) return null;
        return Directory.EnumerateDirectories(root, "libtorch-*")
            .SelectMany(p => Directory.Exists(p) ? Directory.EnumerateDirectories(p) : [])
            .Select(v => Path.Combine(v, "runtimes", rid, "native", "libtorch.so"))
            .Where(File.Exists)
            .OrderByDescending(p => p, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    static string? FindFile(string name, IEnumerable<string> dirs) =>
        dirs.Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
}

/// <summary>What the Kit found and did to get TorchSharp's native library loading.</summary>
public sealed record NativeLoadReport(
    bool Ok, bool Patched, string Message,
    string? Original = null, string? LibStdCxx = null, string? PatchedCopy = null, string? LibTorch = null)
{
    public static NativeLoadReport Untouched(string message, string? original = null, string? libstdcxx = null) =>
        new(true, false, message, original, libstdcxx);
    public static NativeLoadReport Failed(string message, string? original = null, string? libstdcxx = null) =>
        new(false, false, message, original, libstdcxx);
}
