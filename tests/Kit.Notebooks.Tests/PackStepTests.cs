namespace Kit.Notebooks.Tests;

/// <summary>
/// The Kit's own pack-time targets (Directory.Build.targets) run against a fake HOME, NuGet cache and feed, the
/// way a brand-new machine, a used one and a second checkout would meet them. Pack itself is replaced by an
/// empty target so each case takes a second, not a restore.
/// </summary>
public class PackStepTests
{
    const string Id = "Kit.Interactive";
    const string Version = "0.1.0-local-0badcafe";

    sealed class Sandbox
    {
        public string Root { get; } = Repo.TempDir("pack");
        public string Home => Path.Combine(Root, "home");
        public string Packages => Path.Combine(Root, "packages");
        public string Feed => Path.Combine(Root, "feed");
        public string Cached => Path.Combine(Packages, Id.ToLowerInvariant(), Version);
        public string ResolverCache => Path.Combine(Home, ".packagemanagement", "nuget", "Cache");

        public Sandbox()
        {
            Directory.CreateDirectory(Home);
            Directory.CreateDirectory(Feed);
            File.WriteAllText(Path.Combine(Feed, $"{Id}.{Version}.nupkg"), "the package just packed");
            File.WriteAllText(Path.Combine(Root, "pack.proj"), $"""
                <Project>
                  <PropertyGroup>
                    <IsPackable>true</IsPackable>
                    <NuGetPackageRoot>{Packages}/</NuGetPackageRoot>
                    <PackageId>{Id}</PackageId>
                    <PackageVersion>{Version}</PackageVersion>
                    <PackageOutputPath>{Feed}</PackageOutputPath>
                    <KitPackageFeed>{Feed}</KitPackageFeed>
                    <KitNotebookPackage>{Id}</KitNotebookPackage>
                  </PropertyGroup>
                  <Target Name="Pack" />
                  <Import Project="{Path.Combine(Repo.Root, "Directory.Build.targets")}" />
                </Project>
                """);
        }

        /// <summary>An earlier restore of this version whose content differs from the package just packed.</summary>
        public void CacheAStaleCopy()
        {
            Directory.CreateDirectory(Cached);
            File.WriteAllText(Path.Combine(Cached, $"{Id.ToLowerInvariant()}.{Version}.nupkg.sha512"), "hash-of-an-older-build");
        }

        public Repo.Result Pack() =>
            Repo.Run("dotnet", ["msbuild", Path.Combine(Root, "pack.proj"), "-t:Pack", "-nologo", "-v:n"], cwd: Root,
                env: new Dictionary<string, string> { ["HOME"] = Home, ["USERPROFILE"] = Home }, timeoutSeconds: 120);
    }

    [Fact]
    public void Packing_on_a_machine_where_dotnet_interactive_never_ran_succeeds_and_evicts_the_stale_copy()
    {
        var box = new Sandbox();
        box.CacheAStaleCopy();
        Assert.False(Directory.Exists(box.ResolverCache));

        var r = box.Pack();

        Assert.True(r.ExitCode == 0, r.Output);
        Assert.False(Directory.Exists(box.Cached), "the stale cached copy should have been evicted");
    }

    [Fact]
    public void Packing_with_an_empty_resolution_cache_folder_succeeds()
    {
        var box = new Sandbox();
        box.CacheAStaleCopy();
        Directory.CreateDirectory(box.ResolverCache);

        var r = box.Pack();

        Assert.True(r.ExitCode == 0, r.Output);
        Assert.False(Directory.Exists(box.Cached));
    }

    [Fact]
    public void Packing_forgets_only_the_remembered_resolutions_that_point_into_the_evicted_package()
    {
        var box = new Sandbox();
        box.CacheAStaleCopy();
        Directory.CreateDirectory(box.ResolverCache);
        var stale = Path.Combine(box.ResolverCache, "aaaa.resolvedReferences.paths");
        var staleScript = Path.Combine(box.ResolverCache, "aaaa.csx");
        var other = Path.Combine(box.ResolverCache, "bbbb.resolvedReferences.paths");
        File.WriteAllText(stale, Path.Combine(box.Cached, "lib", "net10.0", "Kit.dll"));
        File.WriteAllText(staleScript, "#r \"Kit.dll\"");
        File.WriteAllText(other, Path.Combine(box.Packages, "kit.interactive", "0.1.0-local-12345678", "lib", "Kit.dll"));

        var r = box.Pack();

        Assert.True(r.ExitCode == 0, r.Output);
        Assert.False(File.Exists(stale));
        Assert.False(File.Exists(staleScript));
        Assert.True(File.Exists(other), "another checkout's resolution must be left alone");
    }

    [Fact]
    public void Packing_names_the_package_notebooks_load_and_drops_other_versions_from_the_feed()
    {
        var box = new Sandbox();
        var moved = Path.Combine(box.Feed, $"{Id}.0.1.0-local-12345678.nupkg");
        var core = Path.Combine(box.Feed, "Kit.0.1.0-local-12345678.nupkg");
        File.WriteAllText(moved, "a build of this checkout from when it lived elsewhere");
        File.WriteAllText(core, "the core package belongs to another project's pack");

        var r = box.Pack();

        Assert.True(r.ExitCode == 0, r.Output);
        Assert.Equal($"{Id}, {Version}", File.ReadAllText(Path.Combine(box.Feed, "kit-package.txt")).Trim());
        Assert.False(File.Exists(moved));
        Assert.True(File.Exists(core));
        Assert.True(File.Exists(Path.Combine(box.Feed, $"{Id}.{Version}.nupkg")));
    }

    [Fact]
    public void Two_checkouts_build_different_package_versions_and_one_checkout_always_the_same()
    {
        string VersionOf(string checkout)
        {
            Directory.CreateDirectory(checkout);
            File.Copy(Path.Combine(Repo.Root, "Directory.Build.props"), Path.Combine(checkout, "Directory.Build.props"), overwrite: true);
            File.WriteAllText(Path.Combine(checkout, "probe.proj"), "<Project><Import Project=\"Directory.Build.props\" /><Target Name=\"Build\" /></Project>");
            var r = Repo.Run("dotnet", ["msbuild", Path.Combine(checkout, "probe.proj"), "-getProperty:Version", "-nologo"], cwd: checkout, timeoutSeconds: 120);
            Assert.True(r.ExitCode == 0, r.Output);
            return r.Output.Trim();
        }

        var root = Repo.TempDir("checkouts");
        var first = VersionOf(Path.Combine(root, "student-a", "kit"));
        var second = VersionOf(Path.Combine(root, "student-b", "kit"));

        Assert.Matches("^0\\.1\\.0-local-[0-9a-f]{8}$", first);
        Assert.NotEqual(first, second);
        Assert.Equal(first, VersionOf(Path.Combine(root, "student-a", "kit")));
    }
}
