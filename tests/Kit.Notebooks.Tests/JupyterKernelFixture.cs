using System.Text.Json.Nodes;

namespace Kit.Notebooks.Tests;

/// <summary>
/// Installs the Kit's kernelspec with `kit jupyter install` into a private Jupyter path, as a student would
/// into their own, so the tests run notebooks through real Jupyter with exactly what the Kit installs.
/// </summary>
public sealed class JupyterKernelFixture
{
    public string JupyterPath { get; }
    public string KernelJson { get; }
    public string InstallOutput { get; }
    public bool Available { get; }

    public JupyterKernelFixture()
    {
        JupyterPath = Repo.TempDir("jupyter");
        KernelJson = Path.Combine(JupyterPath, "kernels", ".net-csharp", "kernel.json");
        Available = Repo.Has("jupyter", "KIT_REQUIRE_JUPYTER");
        var r = Repo.Run(Repo.KitCli, ["jupyter", "install", "--kernels-dir", Path.Combine(JupyterPath, "kernels")], timeoutSeconds: 600);
        InstallOutput = r.Output;
        if (r.ExitCode != 0) throw new InvalidOperationException($"kit jupyter install failed:\n{r.Output}");
    }

    public IReadOnlyList<string> Argv =>
        (JsonNode.Parse(File.ReadAllText(KernelJson))!["argv"] as JsonArray)!.Select(a => a!.GetValue<string>()).ToList();

    public Dictionary<string, string> Environment => new() { ["JUPYTER_PATH"] = JupyterPath };
}

[CollectionDefinition("jupyter")]
public sealed class JupyterCollection : ICollectionFixture<JupyterKernelFixture>;
