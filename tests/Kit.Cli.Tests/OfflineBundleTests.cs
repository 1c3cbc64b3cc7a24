using System.Diagnostics;
using System.Text;
using Xunit.Abstractions;

namespace Kit.Cli.Tests;

/// <summary>
/// A classroom with no network: the instructor writes a bundle with `kit bundle`; a brand-new user (empty HOME, empty
/// NuGet packages folder) in a network namespace with no interfaces (`unshare -n`) installs the Kit from it with the
/// bundle's one command, then runs lesson 01, answers a quiz question and installs the notebook tool.
/// Skipped where a network namespace cannot be made, unless KIT_REQUIRE_OFFLINE=1 (CI).
/// </summary>
public class OfflineBundleTests(ITestOutputHelper log)
{
    const string Lesson = "notebooks/01-neural-network-basics-and-activations.ipynb";
    static readonly TimeSpan StepLimit = TimeSpan.FromMinutes(20);

    [SkippableFact]
    public void A_new_user_with_no_network_installs_from_the_bundle_then_runs_lesson_01_answers_the_quiz_and_installs_the_notebook_tool()
    {
        Skip.IfNot(CanCutTheNetwork(), "cannot create a network namespace here (unshare -n; needs root or user namespaces). CI sets KIT_REQUIRE_OFFLINE=1");
        var work = KitProcess.TempFolder("offline");
        try { RunsOffline(work); }
        // About 3 GB (bundle, feed, packages, built checkout): removed now, not left to the end of the test run.
        finally { Directory.Delete(work, recursive: true); }
    }

    void RunsOffline(string work)
    {
        var bundle = Path.Combine(work, "usb", "kit-bundle");

        var written = Run(KitProcess.RepositoryRoot, null, KitProcess.Binary, "bundle", bundle);
        Assert.True(written.Code == 0, written.Output);
        Assert.DoesNotContain(Directory.GetFiles(Path.Combine(bundle, "feed")), f => Path.GetFileName(f).StartsWith("xunit") || Path.GetFileName(f).StartsWith("microsoft.playwright"));

        var home = Path.Combine(work, "home");
        var packages = Path.Combine(work, "nuget-packages");
        Directory.CreateDirectory(home);
        Directory.CreateDirectory(packages);
        var kit = Path.Combine(home, "kit");

        var setup = Offline(home, packages, home, "sh", Path.Combine(bundle, "setup.sh"), kit);
        Assert.True(setup.Code == 0, setup.Output);
        Assert.Contains("✔ NuGet source 'kit-bundle'", setup.Output);
        Assert.True(File.Exists(Path.Combine(home, ".nuget", "NuGet", "NuGet.Config")));

        var run = Offline(home, packages, kit, "dotnet", "run", "--project", "src/Kit.Cli", "--", "run", Lesson);
        Assert.True(run.Code == 0, run.Output);
        Assert.True(File.Exists(Path.Combine(kit, "artifacts", "notebooks", Path.GetFileName(Lesson))), run.Output);

        // The other verbs through the kit the main job built (a `dotnet run` each would only add build checks).
        var cli = Directory.GetFiles(Path.Combine(kit, "src", "Kit.Cli", "bin"), "kit", SearchOption.AllDirectories).Single();
        var answer = Offline(home, packages, kit, cli, "quiz", "answer", "nnb-neuron-output", "A", "--bank-order");
        Assert.True(answer.Code == 0, answer.Output);
        Assert.Contains("Right", answer.Output);

        var jupyter = Offline(home, packages, kit, cli, "jupyter", "install", "--kernels-dir", Path.Combine(home, "kernels"));
        Assert.True(jupyter.Code == 0, jupyter.Output);
        Assert.True(File.Exists(Path.Combine(home, "kernels", ".net-csharp", "kernel.json")), jupyter.Output);

        var doctor = Offline(home, packages, kit, cli, "doctor");
        Assert.Contains("✔ offline feed", doctor.Output);
    }

    /// <summary>One step as the new user: only this environment (empty HOME, its own packages folder), no network interface at all.</summary>
    (int Code, string Output) Offline(string home, string packages, string cwd, params string[] command) =>
        Run(cwd, new Dictionary<string, string>
        {
            ["HOME"] = home,
            ["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin",
            ["NUGET_PACKAGES"] = packages,
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["KIT_PROGRESS"] = "off",
        }, "unshare", ["-n", "--", .. command]);

    /// <summary>Runs a command; with <paramref name="only"/>, in exactly that environment, else in this process's.</summary>
    (int Code, string Output) Run(string cwd, IDictionary<string, string>? only, string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { WorkingDirectory = cwd, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        if (only is not null)
        {
            psi.Environment.Clear();
            foreach (var (k, v) in only) psi.Environment[k] = v;
        }
        var command = args.Prepend(file).ToArray();
        return Timed(string.Join(' ', command.Skip(file == "unshare" ? 3 : 0).Take(7)), () =>
        {
            using var p = Process.Start(psi)!;
            var output = new StringBuilder();
            p.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
            p.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
            p.BeginOutputReadLine();
            p.BeginErrorReadLine();
            if (!p.WaitForExit(StepLimit))
            {
                p.Kill(entireProcessTree: true);
                throw new TimeoutException($"{string.Join(' ', command)} ran over {StepLimit}:\n{output}");
            }
            p.WaitForExit();
            return (p.ExitCode, output.ToString());
        });
    }

    T Timed<T>(string step, Func<T> action)
    {
        var clock = Stopwatch.StartNew();
        var result = action();
        log.WriteLine($"{step}: {clock.Elapsed.TotalSeconds:0.0} s");
        return result;
    }

    static bool CanCutTheNetwork()
    {
        var required = Environment.GetEnvironmentVariable("KIT_REQUIRE_OFFLINE") == "1";
        try
        {
            using var p = Process.Start(new ProcessStartInfo("unshare", ["-n", "--", "true"]) { RedirectStandardError = true, UseShellExecute = false })!;
            p.WaitForExit();
            if (p.ExitCode == 0) return true;
            if (required) Assert.Fail($"KIT_REQUIRE_OFFLINE=1 but `unshare -n true` failed: {p.StandardError.ReadToEnd()}");
        }
        catch (System.ComponentModel.Win32Exception e) when (!required) { _ = e; }
        return false;
    }
}
