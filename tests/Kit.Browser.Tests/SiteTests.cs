using Kit.Notebooks.Tests;
using Microsoft.Playwright;

namespace Kit.Browser.Tests;

/// <summary>
/// `kit site` end to end: a small lesson really executed by `kit run` (setup cell, two charts, the topic's quiz) and
/// a lesson not run yet become a site, opened from disk in Chromium with every request outside the site cut off.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SiteTests(BrowserFixture browser)
{
    static string Fixtures => Path.Combine(Repo.Root, "tests", "Kit.Browser.Tests", "Fixtures", "site");

    /// <summary>A folder laid out like the repository: notebooks/ and the build's package feed under artifacts/packages.</summary>
    static string BuildSite()
    {
        var root = Repo.TempDir("site");
        var notebooks = Directory.CreateDirectory(Path.Combine(root, "notebooks")).FullName;
        foreach (var f in Directory.GetFiles(Fixtures, "*.ipynb")) File.Copy(f, Path.Combine(notebooks, Path.GetFileName(f)));
        Directory.CreateDirectory(Path.Combine(root, "artifacts"));
        Directory.CreateSymbolicLink(Path.Combine(root, "artifacts", "packages"), Path.Combine(Repo.Root, "artifacts", "packages"));
        var executed = Path.Combine(root, "artifacts", "notebooks");
        var run = Repo.Run(Repo.KitCli, ["run", Path.Combine(notebooks, "01-small-lesson.ipynb"), "--out", executed], cwd: root, timeoutSeconds: 600);
        Assert.True(run.ExitCode == 0, $"kit run failed:\n{run.Output}");
        var site = Path.Combine(root, "site");
        var r = Repo.Run(Repo.KitCli, ["site", "--from", executed, "--notebooks", notebooks, "--out", site], cwd: root);
        Assert.True(r.ExitCode == 0, $"kit site failed:\n{r.Output}");
        return site;
    }

    [SkippableFact]
    public async Task The_site_opens_from_disk_draws_every_chart_and_grades_a_quiz_click_without_the_network()
    {
        Skip.If(browser.SkipReason is not null, browser.SkipReason);
        var site = BuildSite();

        await using (var index = await browser.OpenSiteAsync(site, "index.html"))
        {
            var section = index.Page.Locator("h2", new() { HasText = "Loss Functions" });
            await Assertions.Expect(section).ToHaveCountAsync(1);
            Assert.Contains("not run yet", await index.Page.Locator("h2:has-text('Deep Learning Foundations') + ul").InnerTextAsync());
            await index.Page.Locator("a", new() { HasText = "Lesson 01 — A small lesson" }).ClickAsync();
            await index.Page.WaitForURLAsync("**/01-small-lesson.html");

            var charts = index.Page.Locator(".kit-chart");
            Assert.Equal(2, await charts.CountAsync());
            for (int i = 0; i < 2; i++) await charts.Nth(i).Locator("svg.main-svg").First.WaitForAsync();

            var question = index.Page.Locator(".kq-q").First;
            await question.Locator(".kq-opt").First.ClickAsync();
            await Assertions.Expect(question.Locator(".kq-msg")).Not.ToBeEmptyAsync();
            await Assertions.Expect(question.Locator(".kq-expl:visible").First).ToBeVisibleAsync();
            var save = question.Locator(".kq-save");
            await Assertions.Expect(save).ToHaveAttributeAsync("data-saved", "no");
            var said = await save.InnerTextAsync();
            Assert.Contains("no connection to the kernel", said);
            Assert.Contains("quiz answer", said);
            index.AssertOfflineAndErrorFree();
        }

        // plotly.js once for the whole site, not once per page.
        Assert.True(File.Exists(Path.Combine(site, "assets", "plotly.min.js")));
        Assert.True(new FileInfo(Path.Combine(site, "01-small-lesson.html")).Length < 500_000);
    }
}
