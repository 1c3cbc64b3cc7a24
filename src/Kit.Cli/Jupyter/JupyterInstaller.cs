using Kit.Cli.Common;
using Kit.Runtime;

namespace Kit.Cli.Jupyter;

/// <summary><c>kit jupyter install</c>: installs (or updates) the pinned tool and the kernelspec that starts it.</summary>
public static class JupyterInstaller
{
    public sealed record Options(string? KernelsDir = null, string? ToolPath = null, bool SkipTool = false);

    public static int Install(Options o, TextWriter output)
    {
        var toolPath = o.ToolPath ?? Kernelspec.ToolPath();
        var exe = Kernelspec.ToolExecutable(toolPath);
        if (!o.SkipTool && !EnsureTool(toolPath, exe, output)) return 1;
        if (!File.Exists(exe))
        {
            output.WriteLine($"✘ {exe} does not exist: run 'kit jupyter install' without --skip-tool.");
            return 1;
        }

        var kernels = o.KernelsDir ?? Path.Combine(Kernelspec.UserDataDir(), "kernels");
        var dir = Path.Combine(kernels, Kernelspec.Name);
        var spec = Kernelspec.Build(exe, Proc.DotnetRoot());
        KitPaths.WriteAtomically(Path.Combine(dir, "kernel.json"), Kernelspec.ToJson(spec));
        output.WriteLine($"✔ kernelspec '{Kernelspec.Name}' written to {dir}");
        output.WriteLine($"  starts {exe} with --http-local-only (its HTTP port listens on this machine only)");
        output.WriteLine("  open a notebook in JupyterLab or VS Code and pick the kernel '.NET (C#)'.");
        return 0;
    }

    static bool EnsureTool(string toolPath, string exe, TextWriter output)
    {
        if (File.Exists(exe) && InstalledVersion(toolPath) == Kernelspec.ToolVersion)
        {
            output.WriteLine($"✔ {Kernelspec.ToolPackage} {Kernelspec.ToolVersion} already in {toolPath}");
            return true;
        }
        var verb = File.Exists(exe) ? "update" : "install";
        output.WriteLine($"… {verb} {Kernelspec.ToolPackage} {Kernelspec.ToolVersion} into {toolPath}");
        var r = Proc.Run("dotnet", ["tool", verb, "--tool-path", toolPath, Kernelspec.ToolPackage, "--version", Kernelspec.ToolVersion], TimeSpan.FromMinutes(10));
        if (!r.Ok)
        {
            output.WriteLine($"✘ dotnet tool {verb} failed ({r.ExitCode}): {(r.Error + r.Output).Trim()}");
            return false;
        }
        output.WriteLine($"✔ {Kernelspec.ToolPackage} {Kernelspec.ToolVersion} installed");
        return true;
    }

    public static string? InstalledVersion(string toolPath)
    {
        var r = Proc.Run("dotnet", ["tool", "list", "--tool-path", toolPath], TimeSpan.FromMinutes(1));
        if (!r.Ok) return null;
        var line = r.Output.Split('\n').FirstOrDefault(l => l.StartsWith(Kernelspec.ToolPackage, StringComparison.OrdinalIgnoreCase));
        return line?.Split(' ', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1);
    }
}
