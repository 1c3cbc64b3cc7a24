using System.Text.Json.Nodes;
using Kit.Cli.Common;

namespace Kit.Cli.Bundle;

/// <summary>
/// The NuGet packages a student's machine restores, found where NuGet recorded them: the restore results
/// (<c>obj/project.assets.json</c>) of the projects the main job builds (everything under src/, never tests/),
/// and of the restore a notebook's setup cell makes (<c>#r "nuget: Kit.Interactive"</c>), which resolves the
/// Kit's package graph on its own and can pick other versions than the projects do.
/// The Kit's own packages are left out: the student's first build packs them with its own per-checkout version.
/// </summary>
public static class PackageSet
{
    public sealed record Package(string Id, string Version, string File);

    public static IReadOnlyList<Package> Collect(string root, TextWriter output)
    {
        var reference = RepoPaths.NotebookPackage(root)
            ?? throw new BundleException($"{RepoPaths.NotebookPackageFile(root)} missing: the Kit is not built; run `dotnet build src/Kit.Cli` first");
        var assets = Directory.GetDirectories(Path.Combine(root, "src"))
            .Select(p => Path.Combine(p, "obj", "project.assets.json")).ToList();
        var missing = assets.Where(a => !File.Exists(a)).ToList();
        if (missing.Count > 0)
            throw new BundleException($"the Kit is not built: {string.Join(", ", missing)} missing; run `dotnet build src/Kit.Cli` (and `dotnet restore` for any other project in src/) first");

        var packages = new Dictionary<string, Package>(StringComparer.OrdinalIgnoreCase);
        // The Kit's own packages all carry this checkout's version.
        foreach (var p in assets.SelectMany(Read).Concat(NotebookRestore(root, reference, output)).Where(p => p.Version != reference.Version))
            packages.TryAdd($"{p.Id}/{p.Version}", p);
        return packages.Values.OrderBy(p => p.Id, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Version).ToList();
    }

    /// <summary>Every package a restore resolved, with its .nupkg in the global packages folder NuGet kept it in.</summary>
    public static IEnumerable<Package> Read(string assetsFile)
    {
        var json = JsonNode.Parse(File.ReadAllText(assetsFile))!;
        var folders = (json["packageFolders"] as JsonObject)?.Select(kv => kv.Key).ToList() ?? [];
        foreach (var (key, value) in (json["libraries"] as JsonObject)!)
        {
            if (value?["type"]?.GetValue<string>() != "package") continue;
            var slash = key.IndexOf('/');
            var (id, version) = (key[..slash], key[(slash + 1)..]);
            var path = value["path"]!.GetValue<string>();
            var name = $"{id}.{version}.nupkg".ToLowerInvariant();
            var file = folders.Select(f => Path.Combine(f, path, name)).FirstOrDefault(File.Exists)
                ?? throw new BundleException($"{id} {version}: no {name} in the NuGet packages folder ({string.Join(", ", folders)}) that {assetsFile} names; run `dotnet restore` again");
            yield return new Package(id, version, file);
        }
    }

    /// <summary>Restores what the setup cell asks for, the way the kernel does (one package, net10.0), and returns what it resolved.</summary>
    static List<Package> NotebookRestore(string root, (string Id, string Version) reference, TextWriter output)
    {
        // Outside the checkout, so that its Directory.Build.props and central package versions do not apply.
        var dir = Directory.CreateTempSubdirectory("kit-bundle-restore-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "notebook.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <RestoreAdditionalProjectSources>{RepoPaths.PackageFeed(root)}</RestoreAdditionalProjectSources>
                    <NuGetAudit>false</NuGetAudit>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="{reference.Id}" Version="{reference.Version}" />
                  </ItemGroup>
                </Project>
                """);
            output.WriteLine($"… restoring {reference.Id} {reference.Version} as a notebook's setup cell does");
            var r = Proc.Run("dotnet", ["restore", dir], TimeSpan.FromMinutes(15), cwd: dir);
            if (!r.Ok) throw new BundleException($"restoring {reference.Id} as a notebook does failed ({r.ExitCode}): {(r.Output + r.Error).Trim()}");
            return Read(Path.Combine(dir, "obj", "project.assets.json")).ToList();
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}
