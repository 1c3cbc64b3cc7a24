using System.Diagnostics;
using Kit.Runtime;

namespace Kit.Cli.Bundle;

/// <summary>
/// <c>kit setup --from &lt;bundle&gt;</c>: checks every file of the bundle, copies its feed to the Kit's home
/// (<c>~/.kit/feed</c>; the USB stick can then go) and makes that feed this user's NuGet source. The old feed, if any,
/// is replaced only once the new one is complete.
/// </summary>
public static class BundleSetup
{
    public static string FeedPath => Path.Combine(KitPaths.Home, "feed");

    public static void Install(string from, TextWriter output)
    {
        var bundle = Path.GetFullPath(from);
        var manifest = BundleManifest.Read(bundle);
        var feedFiles = manifest.Files.Where(f => f.Path.StartsWith(BundleManifest.FeedFolder + "/", StringComparison.Ordinal)).ToList();
        if (feedFiles.Count == 0) throw new BundleException($"--from: {bundle}/{BundleManifest.FileName} lists no packages; write the bundle again with `kit bundle`");
        var clock = Stopwatch.StartNew();
        output.WriteLine($"… checking and copying {feedFiles.Count} packages ({BundleWriter.Size(feedFiles.Sum(f => f.Bytes))}) from {bundle}");

        var feed = FeedPath;
        var temp = $"{feed}.partial-{Guid.NewGuid():N}";
        try
        {
            var damaged = new List<string>();
            foreach (var file in manifest.Files)
            {
                var source = Path.Combine(bundle, file.Path);
                if (!File.Exists(source)) { damaged.Add($"{file.Path} (missing)"); continue; }
                if (!feedFiles.Contains(file))
                {
                    if (new FileInfo(source).Length != file.Bytes) damaged.Add($"{file.Path} (size)");
                    continue;
                }
                var copy = HashingCopy.Copy(source, Path.Combine(temp, Path.GetFileName(file.Path)), file.Path);
                if (copy != file) damaged.Add($"{file.Path} ({(copy.Bytes != file.Bytes ? $"{copy.Bytes} bytes, expected {file.Bytes}" : "checksum")})");
            }
            if (damaged.Count > 0)
                throw new BundleException($"--from: {bundle} is incomplete or damaged, {damaged.Count} file(s): {string.Join(", ", damaged.Take(5))}{(damaged.Count > 5 ? ", …" : "")}. Copy the whole bundle again; nothing was changed on this machine");
            Replace(temp, feed);
        }
        finally
        {
            if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
        }
        NuGetUserConfig.UseFeed(feed);
        output.WriteLine($"✔ {feedFiles.Count} packages checked and copied to {feed} in {clock.Elapsed.TotalSeconds:0} s");
        output.WriteLine($"✔ NuGet source '{NuGetUserConfig.SourceName}' → {feed} in {NuGetUserConfig.Path}; nuget.org disabled (`dotnet nuget enable source nuget.org` turns it back on)");
        output.WriteLine("  next, in the Kit's folder: dotnet run --project src/Kit.Cli -- run    (and `-- jupyter install`, `-- doctor`)");
    }

    static void Replace(string complete, string feed)
    {
        if (!Directory.Exists(feed)) { Directory.Move(complete, feed); return; }
        var old = $"{feed}.old-{Guid.NewGuid():N}";
        Directory.Move(feed, old);
        Directory.Move(complete, feed);
        Directory.Delete(old, recursive: true);
    }
}
