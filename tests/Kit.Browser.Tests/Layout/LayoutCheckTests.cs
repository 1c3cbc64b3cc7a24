using Kit.Charts;

namespace Kit.Browser.Tests.Layout;

/// <summary>
/// The layout check fails where a reader would trip: a lesson page built the way `kit run` writes one, with a
/// chart for each kind of collision, and a page whose charts and output read cleanly.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LayoutCheckTests(BrowserFixture browser) : IDisposable
{
    const string Lesson = "99-built-to-collide";
    readonly string _dir = Path.Combine(Path.GetTempPath(), $"kit-layout-{Guid.NewGuid():N}"[..24]);

    /// <summary>A page shaped as `kit run` writes them (StaticPage's widths and overflow), one code cell per output.</summary>
    string LessonPage(params string[] outputs)
    {
        Directory.CreateDirectory(_dir);
        var cells = outputs.Select((o, i) => $"<div class=\"cell code\"><div class=\"prompt\">In [{i + 1}]:</div><pre class=\"code\"><code>chart()</code></pre><div class=\"output\">{o}</div></div>");
        var file = Path.Combine(_dir, Lesson + ".html");
        File.WriteAllText(file, $"""
            <!DOCTYPE html><html><head><meta charset="utf-8"><style>
            body {"{"} font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; {"}"}
            pre {"{"} margin: .25rem 0; padding: .5rem; overflow-x: auto; font-size: 13px; {"}"}
            .output {"{"} margin-left: 1rem; overflow-x: auto; {"}"}
            </style></head><body>{PlotlyJs.ScriptTag()}{string.Concat(cells)}</body></html>
            """);
        return file;
    }

    static Figure Line(string title) => new Figure()
        .AddTrace(new { type = "scatter", name = "training loss", x = new[] { 1, 2, 3, 4 }, y = new[] { 1.0, 0.5, 0.3, 0.2 } })
        .AddTrace(new { type = "scatter", name = "validation loss", x = new[] { 1, 2, 3, 4 }, y = new[] { 1.1, 0.7, 0.6, 0.65 } })
        .WithTitle(title).WithAxisTitles("epoch", "loss");

    async Task<IReadOnlyList<Finding>> CheckAsync(string file)
    {
        await using var page = await browser.OpenFileAsync(file);
        var found = await LayoutCheck.RunAsync(page.Page, Lesson);
        page.AssertOfflineAndErrorFree();
        return found;
    }

    [SkippableFact]
    public async Task A_chart_built_to_collide_fails_the_check_naming_lesson_chart_and_both_boxes()
    {
        var legendOnTicks = Line("Legend dropped onto the tick labels").WithLayout(new { legend = new { orientation = "h", x = 0, y = 0, yanchor = "top" } });
        var clippedTicks = new Figure()
            .AddTrace(new { type = "bar", orientation = "h", y = new[] { "a class name far too long for a five pixel margin", "b" }, x = new[] { 1.0, 2.0 } })
            .WithTitle("Category names cut off").WithLayout(new { margin = new { l = 5 }, yaxis = new { automargin = false } });
        // Drawn with plotly directly: the Kit's helpers would make it tall enough (ReadableLayout.ReadableHeight).
        const string squashed = """
            <div id="squashed" class="kit-chart"></div><script>Plotly.newPlot('squashed', [{ type: 'scatter', y: [1, 2, 3] }], { title: { text: 'Squashed' }, height: 420, margin: { t: 170, b: 170 } });</script>
            """;
        var wide = "<pre>" + string.Join(" ", Enumerable.Range(0, 60).Select(i => $"fold{i}=0.{i:00}")) + "</pre>";
        var found = await CheckAsync(LessonPage(legendOnTicks.ToHtml(), clippedTicks.ToHtml(), squashed, wide));
        var text = string.Join("\n", found);

        Assert.All(found, f => Assert.Equal(Lesson, f.Lesson));
        Assert.Contains(found, f => f.Where.StartsWith("chart 1 (In [1]) \"Legend dropped", StringComparison.Ordinal)
            && f.What.Contains("tick label \"", StringComparison.Ordinal) && f.What.Contains("overlaps legend \"", StringComparison.Ordinal)
            || f.What.Contains("legend \"", StringComparison.Ordinal) && f.What.Contains("overlaps tick label \"", StringComparison.Ordinal));
        Assert.Contains(found, f => f.Where.StartsWith("chart 2 (In [2]) \"Category names", StringComparison.Ordinal)
            && f.What.StartsWith("tick label \"a class name far too long", StringComparison.Ordinal) && f.What.Contains("is clipped", StringComparison.Ordinal));
        Assert.Contains(found, f => f.Where.StartsWith("chart 3 (In [3]) \"Squashed", StringComparison.Ordinal)
            && f.What.StartsWith("plot area xy is ", StringComparison.Ordinal) && f.What.Contains($"under {LayoutCheck.MinPlotHeight} px", StringComparison.Ordinal));
        Assert.Contains(found, f => f.Where == "In [4]" && f.What.StartsWith("output line wider than the page", StringComparison.Ordinal)
            && f.What.Contains("fold0=0.00 fold1=0.01", StringComparison.Ordinal));
        Assert.True(found.Count >= 4, text);
    }

    [SkippableFact]
    public async Task Readable_charts_and_short_output_pass_the_check()
    {
        var found = await CheckAsync(LessonPage(Line("Training and validation loss over four epochs").ToHtml(), "<pre>accuracy 0.93</pre>"));
        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    public void Dispose()
    {
        try { if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
