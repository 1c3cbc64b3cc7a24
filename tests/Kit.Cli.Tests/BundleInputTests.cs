using Kit.Cli.Bundle;

namespace Kit.Cli.Tests;

/// <summary>Bad input to `kit bundle` and `kit setup --from`: a clear error, and nothing written.</summary>
public class BundleInputTests
{
    static Dictionary<string, string> FreshHome(out string home)
    {
        home = KitProcess.TempFolder("bundle-home");
        return new() { ["HOME"] = home, ["KIT_HOME"] = Path.Combine(home, ".kit") };
    }

    [Fact]
    public void Bundle_refuses_a_folder_that_is_not_empty_and_leaves_it_as_it_was()
    {
        var folder = KitProcess.TempFolder("bundle-busy");
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "mine");
        var r = KitProcess.Run(KitProcess.RepositoryRoot, null, "bundle", folder);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("exists and is not empty", r.Stderr);
        Assert.Equal(["notes.txt"], Directory.GetFileSystemEntries(folder).Select(Path.GetFileName));
        Assert.Empty(Directory.GetDirectories(Path.GetDirectoryName(folder)!, $".{Path.GetFileName(folder)}.partial-*"));
    }

    [Fact]
    public void Setup_from_a_missing_folder_names_it()
    {
        var env = FreshHome(out var home);
        var r = KitProcess.Run(KitProcess.RepositoryRoot, env, "setup", "--from", Path.Combine(home, "no-such-bundle"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("no-such-bundle does not exist", r.Stderr);
        Assert.False(File.Exists(Path.Combine(home, ".nuget", "NuGet", "NuGet.Config")));
    }

    [Fact]
    public void Setup_from_a_folder_that_is_not_a_bundle_says_so()
    {
        var env = FreshHome(out var home);
        var folder = KitProcess.TempFolder("not-a-bundle");
        File.WriteAllText(Path.Combine(folder, "photo.jpg"), "x");
        var r = KitProcess.Run(KitProcess.RepositoryRoot, env, "setup", "--from", folder);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("is not a Kit bundle", r.Stderr);
        Assert.Contains(BundleManifest.FileName, r.Stderr);
    }

    [Fact]
    public void Setup_from_an_incomplete_copy_names_the_damaged_files_and_changes_nothing()
    {
        var env = FreshHome(out var home);
        var bundle = KitProcess.TempFolder("short-bundle");
        var good = WritePackage(bundle, "good.1.0.0.nupkg", 1000);
        var truncated = WritePackage(bundle, "short.1.0.0.nupkg", 1000);
        var manifest = new BundleManifest(BundleManifest.CurrentFormat, DateTimeOffset.UtcNow, "abc", "linux-x64", "Microsoft.dotnet-interactive", "1.0.712001",
            [good, truncated, good with { Path = "feed/gone.1.0.0.nupkg" }]);
        File.WriteAllText(Path.Combine(bundle, BundleManifest.FileName), manifest.ToJson());
        using (var f = File.OpenWrite(Path.Combine(bundle, "feed", "short.1.0.0.nupkg"))) f.SetLength(400); // a copy cut short

        var r = KitProcess.Run(KitProcess.RepositoryRoot, env, "setup", "--from", bundle);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("incomplete or damaged, 2 file(s)", r.Stderr);
        Assert.Contains("feed/short.1.0.0.nupkg (400 bytes, expected 1000)", r.Stderr);
        Assert.Contains("feed/gone.1.0.0.nupkg (missing)", r.Stderr);
        Assert.False(File.Exists(Path.Combine(home, ".nuget", "NuGet", "NuGet.Config")));
        Assert.Empty(Directory.Exists(Path.Combine(home, ".kit")) ? Directory.GetFileSystemEntries(Path.Combine(home, ".kit")) : []);
    }

    static BundleFile WritePackage(string bundle, string name, int bytes)
    {
        var file = Path.Combine(bundle, "feed", name);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllBytes(file, Enumerable.Range(0, bytes).Select(i => (byte)i).ToArray());
        return HashingCopy.Describe(file, $"feed/{name}");
    }
}

public class NuGetUserConfigTests
{
    [Fact]
    public void Using_the_bundle_feed_keeps_the_users_other_sources_and_NuGet_itself_reads_it_with_nuget_org_disabled()
    {
        var dir = KitProcess.TempFolder("nuget-config");
        var config = Path.Combine(dir, "NuGet.Config");
        var feed = Path.Combine(dir, "feed");
        Directory.CreateDirectory(feed);
        File.WriteAllText(config, """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
                <add key="company" value="https://example.invalid/nuget/index.json" />
                <add key="kit-bundle" value="/an/old/stick" />
              </packageSources>
            </configuration>
            """);

        NuGetUserConfig.UseFeed(feed, config);

        Assert.Equal(feed, NuGetUserConfig.ConfiguredFeed(config));
        var listed = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("dotnet", ["nuget", "list", "source", "--configfile", config])
            { RedirectStandardOutput = true, WorkingDirectory = dir })!;
        var text = listed.StandardOutput.ReadToEnd();
        listed.WaitForExit();
        Assert.Matches(@"nuget\.org \[Disabled\]", text);
        Assert.Matches(@"company \[Enabled\]", text);
        Assert.Matches(@"kit-bundle \[Enabled\]\s+" + System.Text.RegularExpressions.Regex.Escape(feed), text);
        Assert.DoesNotContain("/an/old/stick", text);
    }
}
