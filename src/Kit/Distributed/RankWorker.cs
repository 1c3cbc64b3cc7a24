using System.Diagnostics;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;

namespace Kit.Distributed;

/// <summary>
/// Finds the program mpirun starts on every rank (src/Kit.Ranks, built to artifacts/ranks/&lt;configuration&gt;/), and builds it when it is
/// missing or was built from another Kit than the one running (they must run the same code). KIT_RANKS_WORKER
/// names a worker DLL explicitly.
/// </summary>
public static class RankWorker
{
    static readonly Lock Gate = new();
    static string? _located;

    /// <summary>The worker DLL, or null with the reason it cannot be had.</summary>
    public static (string? Path, string Reason) Locate(Action<string>? log = null)
    {
        lock (Gate)
        {
            if (_located is not null && File.Exists(_located)) return (_located, "built");
            if (Environment.GetEnvironmentVariable("KIT_RANKS_WORKER") is { Length: > 0 } given)
                return File.Exists(given) ? (given, "KIT_RANKS_WORKER") : (null, $"KIT_RANKS_WORKER names {given}, which does not exist");
            var root = RepositoryRoot();
            if (root is null) return (null, "the rank worker's project (src/Kit.Ranks) is not in this installation; run from a checkout of the Kit");
            var dll = Path.Combine(root, "artifacts", "ranks", Configuration, "Kit.Ranks.dll");
            if (File.Exists(dll) && SameKit(dll)) return (_located = dll, "built");
            log?.Invoke(File.Exists(dll) ? "the rank worker was built from another Kit: rebuilding src/Kit.Ranks (about 30 s)…"
                                         : "building the rank worker src/Kit.Ranks once (about 30 s)…");
            var build = Build(root);
            if (build is not null) return (null, $"building src/Kit.Ranks failed: {build}");
            return SameKit(dll) ? (_located = dll, "built now") : (null, "src/Kit.Ranks was built but its Kit differs from the one running here: rebuild this checkout");
        }
    }

    /// <summary>The dotnet host that runs the worker: the one running this process.</summary>
    public static string DotnetHost =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host
            : Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", "..", OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet"));

    /// <summary>The configuration the Kit running here was built in (Debug, Release): the worker must be the same build.</summary>
    static string Configuration =>
        typeof(RankWorker).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    static string? RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "src", "Kit.Ranks", "Kit.Ranks.csproj"))) return dir.FullName;
        return null;
    }

    /// <summary>Same build of Kit.dll beside the worker as in this process (module version ids of deterministic builds).</summary>
    static bool SameKit(string workerDll)
    {
        var kit = Path.Combine(Path.GetDirectoryName(workerDll)!, "Kit.dll");
        if (!File.Exists(kit)) return false;
        using var stream = File.OpenRead(kit);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        return reader.GetGuid(reader.GetModuleDefinition().Mvid) == typeof(RankWorker).Assembly.ManifestModule.ModuleVersionId;
    }

    static string? Build(string root)
    {
        var psi = new ProcessStartInfo(DotnetHost) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root };
        foreach (var a in new[] { "build", Path.Combine(root, "src", "Kit.Ranks"), "-c", Configuration, "-v", "q", "-nologo", "-p:GeneratePackageOnBuild=false" })
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return p.ExitCode == 0 ? null : $"exit {p.ExitCode}: {(stdout + stderr.Result).Trim()}";
    }
}
