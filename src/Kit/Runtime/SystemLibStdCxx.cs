using System.Runtime.InteropServices;

namespace Kit.Runtime;

/// <summary>Finds the libstdc++.so.6 the dynamic loader would give this process.</summary>
public static class SystemLibStdCxx
{
    public static string? Find()
    {
        var loaded = FromProcessMaps();
        if (loaded is not null) return loaded;
        var triplet = RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? "aarch64-linux-gnu" : "x86_64-linux-gnu";
        var dirs = (Environment.GetEnvironmentVariable("LD_LIBRARY_PATH") ?? "")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat([$"/lib/{triplet}", $"/usr/lib/{triplet}", "/lib64", "/usr/lib64", "/usr/lib", "/lib"]);
        return dirs.Select(d => Path.Combine(d, "libstdc++.so.6")).FirstOrDefault(File.Exists);
    }

    static string? FromProcessMaps()
    {
        try
        {
            if (!File.Exists("/proc/self/maps")) return null;
            foreach (var line in File.ReadLines("/proc/self/maps"))
            {
                int slash = line.IndexOf('/');
                if (slash < 0) continue;
                var path = line[slash..];
                if (Path.GetFileName(path).StartsWith("libstdc++.so", StringComparison.Ordinal) && File.Exists(path)) return path;
            }
        }
        catch (IOException) { }
        return null;
    }
}
