using System.Text.RegularExpressions;

namespace Kit.Notebooks.Tests;

/// <summary>
/// Debian's headless Chromium with every network path closed (a dead proxy, no DNS): a page's DOM after its
/// scripts ran, and how many Kit charts plotly.js actually drew in it.
/// </summary>
static class OfflineBrowser
{
    public static bool Available => Repo.Has("chromium", "KIT_REQUIRE_BROWSER");

    public static string RenderedDom(string htmlFile)
    {
        var profile = Repo.TempDir("chromium");
        var r = Repo.Run("chromium",
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            $"--user-data-dir={profile}", "--proxy-server=http://127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND",
            "--virtual-time-budget=30000", "--dump-dom", new Uri(Path.GetFullPath(htmlFile)).AbsoluteUri,
        ], timeoutSeconds: 180);
        Assert.True(r.ExitCode == 0, $"chromium failed ({r.ExitCode}): {r.Output[..Math.Min(2000, r.Output.Length)]}");
        return r.Output;
    }

    public sealed record ChartCount(int Charts, int Drawn);

    public static ChartCount CountCharts(string dom) => new(
        Regex.Matches(dom, "id=\"kit-chart-").Count,
        Regex.Matches(dom, "class=\"kit-chart js-plotly-plot\"").Count);
}
