using System.Text.Json.Nodes;

namespace Kit.Notebooks.Tests;

public class HeadlessRunnerTests
{
    [SkippableFact]
    public void Every_notebook_runs_top_to_bottom_in_kit_run_and_its_page_and_site_page_draw_offline()
    {
        var outDir = Repo.TempDir("kit-run");
        var r = Repo.Run(Repo.KitCli, ["run", Repo.Notebooks, "--out", outDir], timeoutSeconds: 1200);
        Assert.True(r.ExitCode == 0, $"kit run failed:\n{r.Output}");

        var notebooks = Directory.GetFiles(Repo.Notebooks, "*.ipynb");
        Assert.NotEmpty(notebooks);
        foreach (var source in notebooks)
        {
            var name = Path.GetFileNameWithoutExtension(source);
            var executed = Path.Combine(outDir, name + ".ipynb");
            Assert.True(File.Exists(executed), $"{name}: no executed notebook");
            Assert.True(new FileInfo(executed).Length < 10_000_000, $"{name}: executed notebook over 10 MB");
            var nb = JsonNode.Parse(File.ReadAllText(executed))!;
            Assert.Equal(".net-csharp", nb["metadata"]!["kernelspec"]!["name"]!.GetValue<string>());
            Assert.DoesNotContain(nb["cells"]!.AsArray().SelectMany(c => c!["outputs"]?.AsArray() ?? []),
                o => o!["output_type"]!.GetValue<string>() == "error");
            // The lesson ends with its quiz.
            var lastCode = nb["cells"]!.AsArray().Last(c => c!["cell_type"]!.GetValue<string>() == "code")!;
            Assert.Contains("kit-quiz", lastCode["outputs"]!.ToJsonString());
        }

        Skip.IfNot(OfflineBrowser.Available, "chromium is not installed (CI sets KIT_REQUIRE_BROWSER=1)");
        // Lesson pages only: the contact sheet beside them (every chart of every lesson) is Kit.Browser.Tests' to check.
        foreach (var page in Directory.GetFiles(outDir, "*.html").Where(p => Path.GetFileName(p) != "contact-sheet.html"))
        {
            var count = OfflineBrowser.CountCharts(OfflineBrowser.RenderedDom(page));
            Assert.True(count.Charts > 0, $"{Path.GetFileName(page)} has no charts");
            Assert.Equal(count.Charts, count.Drawn);
        }

        // The static site of the same lessons: one page each, plotly.js loaded once from assets/, every chart drawn.
        var site = Path.Combine(outDir, "site");
        var built = Repo.Run(Repo.KitCli, ["site", "--from", outDir, "--out", site]);
        Assert.True(built.ExitCode == 0, $"kit site failed:\n{built.Output}");
        foreach (var source in notebooks)
        {
            var page = Path.Combine(site, Path.GetFileNameWithoutExtension(source) + ".html");
            var count = OfflineBrowser.CountCharts(OfflineBrowser.RenderedDom(page));
            Assert.True(count.Charts > 0 && count.Charts == count.Drawn, $"{Path.GetFileName(page)}: {count.Drawn} of {count.Charts} charts drawn");
        }
    }
}
