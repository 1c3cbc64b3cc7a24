using System.Text.Json.Nodes;

namespace Kit.Notebooks.Tests;

[Collection("jupyter")]
public class JupyterTests(JupyterKernelFixture jupyter)
{
    const string Lesson01 = "01-neural-network-basics-and-activations.ipynb";

    [Fact]
    public void The_installed_kernelspec_starts_the_pinned_tool_reachable_from_this_machine_only()
    {
        var argv = jupyter.Argv;
        Assert.Contains("--http-local-only", argv);
        Assert.Contains("{connection_file}", argv);
        Assert.True(File.Exists(argv[0]), $"kernelspec starts {argv[0]}, which does not exist");
        Assert.Contains("dotnet-interactive-1.0.712001", argv[0]);
    }

    [SkippableFact]
    public void Lesson_01_runs_through_real_jupyter_and_its_charts_draw_offline()
    {
        Skip.IfNot(jupyter.Available, "jupyter is not installed (CI sets KIT_REQUIRE_JUPYTER=1)");
        var outDir = Repo.TempDir("nbconvert");
        var r = Repo.Run("jupyter",
            ["nbconvert", "--to", "notebook", "--execute", Path.Combine(Repo.Notebooks, Lesson01), "--output-dir", outDir,
             "--ExecutePreprocessor.timeout=600", "--ExecutePreprocessor.kernel_name=.net-csharp"],
            cwd: Repo.Notebooks, env: jupyter.Environment);
        Assert.True(r.ExitCode == 0, $"nbconvert --execute failed:\n{r.Output}");

        var executed = Path.Combine(outDir, Lesson01);
        var html = HtmlOutputs(executed);
        Assert.Contains(html, h => h.Contains("class=\"kit-banner\"") && h.Contains("TorchSharp 0.107.0"));
        var charts = html.Where(h => h.Contains("class=\"kit-chart\"")).ToList();
        Assert.True(charts.Count >= 3, $"expected at least 3 charts, found {charts.Count}");
        Assert.All(charts, c => Assert.DoesNotMatch("(src|href)=\"https?:", c));
        Assert.Contains(html, h => h.Contains("class=\"kit-quiz\""));
        Assert.True(new FileInfo(executed).Length < 10_000_000, "an executed notebook must stay under 10 MB");

        if (!OfflineBrowser.Available) return;
        // Reopened without a kernel: Jupyter's HTML view of the saved notebook, in a browser with no network.
        var page = Path.Combine(outDir, "lesson01.html");
        var convert = Repo.Run("jupyter", ["nbconvert", "--to", "html", executed, "--output", page], env: jupyter.Environment);
        Assert.True(convert.ExitCode == 0, convert.Output);
        var count = OfflineBrowser.CountCharts(OfflineBrowser.RenderedDom(page));
        Assert.Equal(charts.Count, count.Charts);
        Assert.Equal(count.Charts, count.Drawn);
    }

    static List<string> HtmlOutputs(string notebook)
    {
        var nb = JsonNode.Parse(File.ReadAllText(notebook))!;
        return nb["cells"]!.AsArray()
            .SelectMany(c => c!["outputs"]?.AsArray() ?? [])
            .Select(o => o!["data"]?["text/html"])
            .Where(h => h is not null)
            .Select(h => h is JsonArray a ? string.Concat(a.Select(x => x!.GetValue<string>())) : h!.GetValue<string>())
            .ToList();
    }
}
