namespace Kit.Cli.Tests;

/// <summary>
/// A repository laid out like the Kit's (Kit.sln, notebooks/, artifacts/packages/) whose notebook starts with the
/// Kit's setup cell shape: a relative <c>#i</c> source and a <c>#r "nuget:"</c> of a package with a kernel extension.
/// </summary>
public sealed class ExtensionTests
{
    [Fact]
    public void Kit_run_without_arguments_runs_the_repository_notebooks_and_loads_package_extensions()
    {
        var root = KitProcess.TempFolder("extension");
        File.WriteAllText(Path.Combine(root, "Kit.sln"), "");
        KitProcess.CopyFolder(Path.Combine(KitProcess.Fixtures, "extension"), Path.Combine(root, "notebooks"));
        var feed = Path.Combine(root, "artifacts", "packages");
        Directory.CreateDirectory(feed);
        File.Copy(Path.Combine(KitProcess.RepositoryRoot, "artifacts", "test-packages", "Kit.Cli.TestExtension.1.0.0.nupkg"),
                  Path.Combine(feed, "Kit.Cli.TestExtension.1.0.0.nupkg"));
        // A package cache of its own: NuGet never sees a rebuilt package of the same version otherwise.
        var env = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(root, "nuget-packages") };

        var result = KitProcess.Run(Path.Combine(root, "notebooks"), env, "run");

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains($"#i source '../artifacts/packages' resolved against the notebook's folder: {feed}", result.Stdout);
        Assert.Contains("[extension] kernel extension loaded: KitTestExtension.GreetingExtension (Kit.Cli.TestExtension)", result.Stdout);
        var nb = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "artifacts", "notebooks", "extension.ipynb")))!;
        var setup = nb["cells"]![0]!["outputs"]!.AsArray();
        // What the extension displays while loading belongs to the cell that added the package.
        Assert.Contains(setup, o => RunBatch.Text(o!["data"]?["text/plain"]) == "greeting extension loaded");
        // The extension's formatter applies to values of the package the cells compile against: one copy of the assembly.
        Assert.Contains("<b class=\"greeting\">Hello, Ada!</b>", RunBatch.Text(nb["cells"]![1]!["outputs"]![0]!["data"]!["text/html"]));
        Assert.Equal("extension.dib ran", RunBatch.Text(nb["cells"]![2]!["outputs"]![0]!["data"]!["text/plain"]));
        // The notebook keeps its source as written.
        Assert.Equal("#i \"nuget: ../artifacts/packages\"\n", (string?)nb["cells"]![0]!["source"]![0]);
        Assert.True(File.Exists(Path.Combine(root, "artifacts", "notebooks", "extension.html")));
    }
}
