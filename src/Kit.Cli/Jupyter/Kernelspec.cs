using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kit.Cli.Jupyter;

/// <summary>The Jupyter kernelspec the Kit installs: the pinned dotnet-interactive tool, reachable from this machine only.</summary>
public static class Kernelspec
{
    public const string Name = ".net-csharp";
    public const string ToolPackage = "Microsoft.dotnet-interactive";
    public const string ToolVersion = "1.0.712001";

    /// <summary>Jupyter's per-user data folder, as Jupyter itself computes it (JUPYTER_DATA_DIR, XDG_DATA_HOME, ~/.local/share/jupyter).</summary>
    public static string UserDataDir()
    {
        var jd = Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR");
        if (!string.IsNullOrEmpty(jd)) return jd;
        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        var baseDir = !string.IsNullOrEmpty(xdg) ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return Path.Combine(baseDir, "jupyter");
    }

    public static string ToolPath() => Path.Combine(Runtime.KitPaths.Home, "tools", $"dotnet-interactive-{ToolVersion}");

    public static string ToolExecutable(string toolPath) =>
        Path.Combine(toolPath, OperatingSystem.IsWindows() ? "dotnet-interactive.exe" : "dotnet-interactive");

    public static JsonObject Build(string toolExecutable, string? dotnetRoot)
    {
        var env = new JsonObject
        {
            // Lets OpenMP threads sleep instead of spin when idle: a real process variable, set before the kernel starts.
            ["OMP_WAIT_POLICY"] = "PASSIVE",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1",
            // Memory per student kernel (the memory benchmark measures it; lesson 01 peaks ~50 MB lower with these):
            // the tool ships with server GC (a heap per core), JIT code is mapped twice under W^X, glibc gives every
            // busy thread its own malloc arena, and tiered PGO keeps instrumented copies of hot methods.
            ["DOTNET_gcServer"] = "0",
            ["DOTNET_EnableWriteXorExecute"] = "0",
            ["DOTNET_TieredPGO"] = "0",
            ["MALLOC_ARENA_MAX"] = "2",
        };
        if (dotnetRoot is not null) env["DOTNET_ROOT"] = dotnetRoot;
        return new JsonObject
        {
            ["argv"] = new JsonArray(toolExecutable, "jupyter", "--default-kernel", "csharp", "{connection_file}",
                "--http-local-only", "--http-port-range", "2048-3000"),
            ["display_name"] = ".NET (C#)",
            ["language"] = "C#",
            ["interrupt_mode"] = "message",
            ["env"] = env,
            ["metadata"] = new JsonObject { ["kit"] = new JsonObject { ["tool"] = ToolPackage, ["version"] = ToolVersion } },
        };
    }

    public static string ToJson(JsonObject spec) => spec.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
}
