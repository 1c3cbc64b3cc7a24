using Kit.Cli.Common;
using Kit.Cli.Jupyter;

namespace Kit.Cli.Bundle;

/// <summary>The pinned dotnet-interactive tool's .nupkg, which `kit jupyter install` installs from the student's feed.</summary>
public static class ToolPackage
{
    public static string FileName => $"{Kernelspec.ToolPackage}.{Kernelspec.ToolVersion}.nupkg".ToLowerInvariant();

    /// <summary>
    /// The tool's package: from the tool `kit jupyter install` put under the Kit's home if there is one (a tool
    /// folder keeps its package), else from a fresh install into a temporary folder. <paramref name="use"/> gets the path.
    /// </summary>
    public static void With(TextWriter output, Action<string> use)
    {
        var installed = InStore(Kernelspec.ToolPath());
        if (installed is not null) { use(installed); return; }
        var temp = Directory.CreateTempSubdirectory("kit-bundle-tool-").FullName;
        try
        {
            output.WriteLine($"… fetching {Kernelspec.ToolPackage} {Kernelspec.ToolVersion}");
            var r = Proc.Run("dotnet", ["tool", "install", "--tool-path", temp, Kernelspec.ToolPackage, "--version", Kernelspec.ToolVersion], TimeSpan.FromMinutes(10));
            if (!r.Ok) throw new BundleException($"dotnet tool install {Kernelspec.ToolPackage} {Kernelspec.ToolVersion} failed ({r.ExitCode}): {(r.Error + r.Output).Trim()}");
            use(InStore(temp) ?? throw new BundleException($"{Kernelspec.ToolPackage} installed into {temp} but its package is not in the tool's store"));
        }
        finally { Directory.Delete(temp, recursive: true); }
    }

    static string? InStore(string toolPath)
    {
        var id = Kernelspec.ToolPackage.ToLowerInvariant();
        var file = Path.Combine(toolPath, ".store", id, Kernelspec.ToolVersion, id, Kernelspec.ToolVersion, FileName);
        return File.Exists(file) ? file : null;
    }
}
