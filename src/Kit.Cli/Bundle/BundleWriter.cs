using System.Diagnostics;
using System.Runtime.InteropServices;
using Kit.Cli.Common;
using Kit.Cli.Jupyter;

namespace Kit.Cli.Bundle;

/// <summary>
/// <c>kit bundle &lt;folder&gt;</c>: everything a student's machine needs to run the lessons and the quiz with no
/// network: the packages the main job and the notebooks restore (a local NuGet feed), the pinned notebook tool,
/// this checkout's tracked files, the student's one command (setup.sh) and a README for the instructor.
/// Written into a temporary folder beside the target and renamed into place when complete.
/// </summary>
public static class BundleWriter
{
    public static BundleManifest Write(string folder, TextWriter output)
    {
        var target = Path.GetFullPath(folder);
        if (File.Exists(target)) throw new BundleException($"<folder>: {target} is a file; name a new or empty folder");
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
            throw new BundleException($"<folder>: {target} exists and is not empty; name a new or empty folder (a bundle is never written over other files)");
        var root = RepoPaths.FindRoot() ?? throw new BundleException("not inside a Kit checkout (no Kit.sln above here): run kit bundle from the Kit's folder");
        var clock = Stopwatch.StartNew();
        var packages = PackageSet.Collect(root, output);

        var temp = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.partial-{Guid.NewGuid():N}");
        Directory.CreateDirectory(temp);
        try
        {
            var files = new List<BundleFile>();
            output.WriteLine($"… copying {packages.Count} packages into the bundle's feed");
            foreach (var p in packages)
                files.Add(Copy(p.File, temp, Path.Combine(BundleManifest.FeedFolder, Path.GetFileName(p.File))));
            ToolPackage.With(output, tool => files.Add(Copy(tool, temp, Path.Combine(BundleManifest.FeedFolder, ToolPackage.FileName))));
            var commit = SourceArchive(root, temp, output);
            files.Add(HashingCopy.Describe(Path.Combine(temp, BundleManifest.SourceArchive), BundleManifest.SourceArchive));
            var setup = Path.Combine(temp, BundleManifest.SetupScript);
            File.WriteAllText(setup, BundleTexts.SetupScript);
            MarkExecutable(setup);
            files.Add(HashingCopy.Describe(setup, BundleManifest.SetupScript));

            var manifest = new BundleManifest(BundleManifest.CurrentFormat, DateTimeOffset.UtcNow, commit,
                RuntimeInformation.RuntimeIdentifier, Kernelspec.ToolPackage, Kernelspec.ToolVersion, files);
            File.WriteAllText(Path.Combine(temp, "README.md"), BundleTexts.InstructorReadme(manifest, packages.Count));
            File.WriteAllText(Path.Combine(temp, BundleManifest.FileName), manifest.ToJson());

            if (Directory.Exists(target)) Directory.Delete(target);
            Directory.Move(temp, target);
            output.WriteLine($"✔ bundle written to {target}: {Size(manifest.TotalBytes)} ({packages.Count + 1} packages, the Kit's source at {commit[..Math.Min(12, commit.Length)]}) in {clock.Elapsed.TotalSeconds:0} s");
            output.WriteLine($"  a student runs: sh <bundle>/{BundleManifest.SetupScript} [folder]   (see {Path.Combine(target, "README.md")})");
            return manifest;
        }
        finally
        {
            if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
        }
    }

    /// <summary>Where the file system keeps the mode; a FAT-formatted stick does not (students run `sh setup.sh` anyway).</summary>
    static void MarkExecutable(string file)
    {
        if (OperatingSystem.IsWindows()) return;
        try { File.SetUnixFileMode(file, File.GetUnixFileMode(file) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    public static string Size(long bytes) => bytes >= 1L << 30 ? $"{bytes / (double)(1L << 30):0.00} GiB" : $"{bytes / (double)(1L << 20):0} MiB";

    static BundleFile Copy(string from, string bundle, string relative) => HashingCopy.Copy(from, Path.Combine(bundle, relative), relative);

    /// <summary>The checkout's tracked files at HEAD (git archive), as a student's clone would have them.</summary>
    static string SourceArchive(string root, string bundle, TextWriter output)
    {
        var head = Proc.Run("git", ["-C", root, "rev-parse", "HEAD"], TimeSpan.FromMinutes(1));
        if (!head.Ok) throw new BundleException($"{root} is not a git checkout with a commit (git rev-parse HEAD: {(head.Error + head.Output).Trim()}); the bundle carries the Kit's source as `git archive HEAD`");
        var changed = Proc.Run("git", ["-C", root, "status", "--porcelain", "--untracked-files=no"], TimeSpan.FromMinutes(1));
        if (changed.Ok && changed.Output.Trim().Length > 0)
            output.WriteLine("⚠ uncommitted changes are not in the bundle: it carries the last commit (HEAD)");
        var archive = Proc.Run("git", ["-C", root, "archive", "--format=tar.gz", "-o", Path.Combine(bundle, BundleManifest.SourceArchive), "HEAD"], TimeSpan.FromMinutes(5));
        if (!archive.Ok) throw new BundleException($"git archive failed ({archive.ExitCode}): {archive.Error.Trim()}");
        return head.Output.Trim();
    }
}
