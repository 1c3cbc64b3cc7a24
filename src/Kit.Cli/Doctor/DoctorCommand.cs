using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kit.Cli.Bundle;
using Kit.Cli.Common;
using Kit.Cli.Jupyter;
using Kit.Runtime;

namespace Kit.Cli.Doctor;

/// <summary>
/// <c>kit doctor</c>: everything the Kit needs, each with a pass/fail mark and a fix hint.
/// Exit code 1 when a check the Kit cannot work without fails; Jupyter checks only warn
/// (the headless runner and VS Code work without them).
/// </summary>
public static class DoctorCommand
{
    public static int Run(TextWriter output)
    {
        output.WriteLine("kit doctor: checking what the Kit needs");
        var home = KitHome();
        var checks = new List<Check> { DotnetSdk(), home, LibStdCxx() };
        checks.AddRange(home.Status == CheckStatus.Fail ? [TorchNeedsKitHome()] : Torch());
        checks.Add(Accelerators());
        checks.Add(JupyterTool());
        checks.Add(JupyterKernelspec());
        checks.Add(PackageFeed());
        checks.Add(OfflineFeed());
        foreach (var c in checks) output.WriteLine(c);
        int fails = checks.Count(c => c.Status == CheckStatus.Fail), warns = checks.Count(c => c.Status == CheckStatus.Warn);
        output.WriteLine(fails == 0 ? $"All required checks passed{(warns > 0 ? $" ({warns} warning(s))" : "")}." : $"{fails} check(s) failed.");
        return fails == 0 ? 0 : 1;
    }

    public static Check DotnetSdk()
    {
        var r = Proc.Run("dotnet", ["--version"], TimeSpan.FromMinutes(1));
        if (!r.Ok) return new Check(".NET SDK", CheckStatus.Fail, "dotnet not found on PATH", "install the .NET 10 SDK: https://dot.net");
        var v = r.Output.Trim();
        return int.TryParse(v.Split('.')[0], out var major) && major >= 10
            ? new Check(".NET SDK", CheckStatus.Pass, v)
            : new Check(".NET SDK", CheckStatus.Fail, $"{v} (the Kit targets net10.0)", "install the .NET 10 SDK");
    }

    /// <summary>The command a student types from the checkout for a <c>kit</c> verb (the README's form).</summary>
    public static string KitCommand(string args) => $"dotnet run --project src/Kit.Cli -- {args}";

    /// <summary>
    /// The Kit's own folder (<c>~/.kit</c>, or <c>KIT_HOME</c>): the patched TorchSharp library, the pinned
    /// notebook tool and progress live there, so it must be a folder the Kit can create and write.
    /// </summary>
    public static Check KitHome()
    {
        var set = !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("KIT_HOME"));
        var home = KitPaths.Home;
        var name = set ? $"KIT_HOME={home}" : home;
        try
        {
            Directory.CreateDirectory(home);
            var probe = Path.Combine(home, $".doctor-{Environment.ProcessId}.tmp");
            File.WriteAllText(probe, "ok");
            File.Delete(probe);
            return new Check("Kit home", CheckStatus.Pass, name + (set ? "" : " (KIT_HOME moves it)"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new Check("Kit home", CheckStatus.Fail, $"{name} is not a folder the Kit can write: {e.Message}",
                set ? "set KIT_HOME to a writable folder, or unset it to use ~/.kit" : $"make {home} a writable folder, or set KIT_HOME to one");
        }
    }

    static Check TorchNeedsKitHome() =>
        new("TorchSharp", CheckStatus.Fail, $"not tried: the Kit keeps its copy of TorchSharp's native library under {KitPaths.Home}, which is not usable (see 'Kit home')",
            "fix 'Kit home' first");

    public static Check LibStdCxx()
    {
        if (!OperatingSystem.IsLinux()) return new Check("libstdc++", CheckStatus.Pass, "not Linux: not used");
        var path = SystemLibStdCxx.Find();
        if (path is null) return new Check("libstdc++", CheckStatus.Fail, "libstdc++.so.6 not found", "apt-get install libstdc++6");
        var highest = ElfVersionInfo.Read(path).Definitions
            .Where(d => d.StartsWith("GLIBCXX_", StringComparison.Ordinal))
            .Select(d => (d, v: Version.TryParse(d["GLIBCXX_".Length..], out var v) ? v : new Version(0, 0)))
            .MaxBy(x => x.v).d ?? "none";
        var needs = NativeLoader.Report;
        var detail = $"{path} provides up to {highest}";
        return new Check("libstdc++", CheckStatus.Pass, needs.Patched ? detail + " (TorchSharp asks for GLIBCXX_3.4.32: see next line)" : detail);
    }

    public static IEnumerable<Check> Torch()
    {
        TorchSetupReport report;
        try
        {
            report = KitTorch.Setup();
            using var t = TorchSharp.torch.ones(2, 2);
            _ = t.sum().item<float>();
        }
        catch (Exception e)
        {
            return [new Check("TorchSharp", CheckStatus.Fail, $"does not load: {Flatten(e)}",
                "read the message above; on Linux the Kit needs a readable libLibTorchSharp.so in the NuGet cache or build output (dotnet restore)")];
        }
        var what = report.Native.Patched
            ? $"loads; the Kit found that {report.Native.Message}. Copy: {report.Native.PatchedCopy} (system files untouched)"
            : $"loads; {report.Native.Message}";
        return
        [
            new Check("TorchSharp", CheckStatus.Pass, $"{report.TorchSharpVersion} (libtorch {report.LibTorchVersion}) {what}"),
            new Check("device", CheckStatus.Pass, $"{report.DeviceName}: {report.DeviceReason}; {report.Threads} thread(s) ({report.ThreadsReason}). KIT_DEVICE=cpu|cuda overrides"),
        ];
    }

    /// <summary>Only informs: the ILGPU kernels run on the CPU accelerator when no GPU is there.</summary>
    public static Check Accelerators() =>
        new("accelerators", CheckStatus.Pass, $"{Kit.Accelerators.KernelDevice.Summary()}. KIT_ACCELERATOR=cpu|cuda|cuda:N overrides; kit gpu-check measures");

    public static Check JupyterTool()
    {
        var jupyter = Proc.Run("jupyter", ["nbconvert", "--version"], TimeSpan.FromMinutes(1));
        return jupyter.Ok
            ? new Check("Jupyter", CheckStatus.Pass, $"nbconvert {jupyter.Output.Trim()}")
            : new Check("Jupyter", CheckStatus.Warn, "jupyter nbconvert not found (needed only to run notebooks through real Jupyter)",
                "Debian/Ubuntu: sudo apt-get install jupyter-nbconvert python3-nbclient jupyter-client python3-ipykernel; or use VS Code");
    }

    public static Check JupyterKernelspec()
    {
        var file = FindKernelJson();
        if (file is null)
            return new Check("kernelspec", CheckStatus.Warn, $"'{Kernelspec.Name}' not installed" + (File.Exists(Kernelspec.ToolExecutable(Kernelspec.ToolPath())) ? "" : $", nor the {Kernelspec.ToolPackage} {Kernelspec.ToolVersion} tool it starts"), KitCommand("jupyter install"));
        try
        {
            var argv = (JsonNode.Parse(File.ReadAllText(file))?["argv"] as JsonArray)?.Select(a => a?.GetValue<string>() ?? "").ToList() ?? [];
            if (!argv.Contains("--http-local-only"))
                return new Check("kernelspec", CheckStatus.Warn, $"{file} starts the kernel without --http-local-only (its HTTP port is open to the network)", KitCommand("jupyter install"));
            if (argv.Count == 0 || !File.Exists(argv[0]))
                return new Check("kernelspec", CheckStatus.Warn, $"{file} starts '{argv.FirstOrDefault()}', which does not exist", KitCommand("jupyter install"));
            var version = JupyterInstaller.InstalledVersion(Path.GetDirectoryName(argv[0])!);
            return version == Kernelspec.ToolVersion
                ? new Check("kernelspec", CheckStatus.Pass, $"{file}: {Kernelspec.ToolPackage} {version}, --http-local-only")
                : new Check("kernelspec", CheckStatus.Warn, $"{file}: tool version {version ?? "unknown"}, the Kit pins {Kernelspec.ToolVersion}", KitCommand("jupyter install"));
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException or InvalidOperationException)
        {
            return new Check("kernelspec", CheckStatus.Warn, $"{file} is unreadable: {e.Message}", KitCommand("jupyter install"));
        }
    }

    static string? FindKernelJson()
    {
        var dirs = new List<string> { Path.Combine(Kernelspec.UserDataDir(), "kernels") };
        dirs.AddRange((Environment.GetEnvironmentVariable("JUPYTER_PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Select(p => Path.Combine(p, "kernels")));
        dirs.AddRange(["/usr/local/share/jupyter/kernels", "/usr/share/jupyter/kernels"]);
        return dirs.Select(d => Path.Combine(d, Kernelspec.Name, "kernel.json")).FirstOrDefault(File.Exists);
    }

    public static Check PackageFeed()
    {
        var root = RepoPaths.FindRoot();
        if (root is null)
            return new Check("Kit package feed", CheckStatus.Warn, "not inside a Kit checkout (no Kit.sln above here)", "run kit from the Kit's folder");
        var build = $"in {root}: dotnet build src/Kit.Cli";
        var reference = RepoPaths.NotebookPackage(root);
        if (reference is null)
            return new Check("Kit package feed", CheckStatus.Fail, $"{RepoPaths.NotebookPackageFile(root)} missing: the Kit is not built yet, so notebooks' setup cell cannot load it", build);
        var pkg = Path.Combine(RepoPaths.PackageFeed(root), $"{reference.Value.Id}.{reference.Value.Version}.nupkg");
        return File.Exists(pkg)
            ? new Check("Kit package feed", CheckStatus.Pass, $"{pkg} (built {File.GetLastWriteTime(pkg):yyyy-MM-dd HH:mm})")
            : new Check("Kit package feed", CheckStatus.Fail, $"{pkg} missing: notebooks' setup cell cannot load the Kit", build);
    }

    /// <summary>A classroom bundle's feed (<c>kit setup --from</c>): configured, present, and holding the notebook tool.</summary>
    public static Check OfflineFeed()
    {
        var feed = NuGetUserConfig.ConfiguredFeed();
        if (feed is null)
            return new Check("offline feed", CheckStatus.Pass, "none: packages come from nuget.org (a classroom without network: kit setup --from <bundle>)");
        var packages = Directory.Exists(feed) ? Directory.GetFiles(feed, "*.nupkg").Length : 0;
        var fix = KitCommand("setup --from <bundle folder>");
        if (packages == 0)
            return new Check("offline feed", CheckStatus.Fail, $"NuGet source '{NuGetUserConfig.SourceName}' in {NuGetUserConfig.Path} points to {feed}, which holds no packages: restores will fail", fix);
        return File.Exists(Path.Combine(feed, ToolPackage.FileName))
            ? new Check("offline feed", CheckStatus.Pass, $"{feed}: {packages} packages (NuGet source '{NuGetUserConfig.SourceName}')")
            : new Check("offline feed", CheckStatus.Warn, $"{feed}: {packages} packages but not {ToolPackage.FileName}: `jupyter install` needs the network", fix);
    }

    static string Flatten(Exception e) => Regex.Replace((e.InnerException ?? e).Message.Split('\n')[0], @"\s+", " ");
}
