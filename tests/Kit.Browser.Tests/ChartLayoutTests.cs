using Kit.Charts;
using Kit.CrossValidation;
using Kit.Metrics;
using Kit.TrainingConcepts;

namespace Kit.Browser.Tests;

/// <summary>
/// Representative charts drawn by the embedded plotly.js in Chromium (network cut) at a narrow 800 px:
/// the title stays clear of the toolbar and no tick label is cut off by the chart's edge.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ChartLayoutTests(BrowserFixture browser)
{
    /// <summary>Returns one line per collision: title box against toolbar box, tick or colour-bar label outside the SVG.</summary>
    const string Collisions = """
        el => {
          const inside = (r, o) => r.left >= o.left - 0.5 && r.right <= o.right + 0.5 && r.top >= o.top - 0.5 && r.bottom <= o.bottom + 0.5;
          const overlap = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
          const found = [];
          const svg = el.querySelector('svg.main-svg').getBoundingClientRect();
          const title = el.querySelector('.gtitle'), bar = el.querySelector('.modebar');
          if (!bar) found.push('no toolbar drawn');
          if (title && bar && overlap(title.getBoundingClientRect(), bar.getBoundingClientRect()))
            found.push('title "' + title.textContent + '" under the toolbar');
          const legend = el.querySelector('.legend'), slider = el.querySelector('.slider-container');
          if (legend && slider && overlap(legend.getBoundingClientRect(), slider.getBoundingClientRect())) found.push('legend over the slider');
          if (legend) for (const t of el.querySelectorAll('.g-xtitle text, .g-ytitle text, .g-x2title text, .g-y2title text'))
            if (overlap(legend.getBoundingClientRect(), t.getBoundingClientRect())) found.push('legend over the axis title "' + t.textContent + '"');
          for (const t of el.querySelectorAll('.xtick text, .ytick text, .cbaxis text, .gtitle, .g-xtitle text, .g-ytitle text')) {
            const r = t.getBoundingClientRect();
            if (r.width > 0 && !inside(r, svg)) found.push('label "' + t.textContent + '" clipped by the chart edge: ' + [r.left, r.top, r.right, r.bottom].map(Math.round) + ' outside ' + [svg.left, svg.top, svg.right, svg.bottom].map(Math.round));
          }
          return found;
        }
        """;

    async Task<string[]> CollisionsAsync(Figure figure)
    {
        await using var page = await browser.OpenAsync(PlotlyJs.ScriptTag() + figure.ToHtml(), bodyCss: "body{width:800px;margin:0}");
        var chart = page.Page.Locator(".kit-chart");
        await chart.Locator("svg.main-svg").First.WaitForAsync();
        await chart.HoverAsync();   // the toolbar shows on hover
        var found = await chart.EvaluateAsync<string[]>(Collisions);
        page.AssertOfflineAndErrorFree();
        return found;
    }

    public static TheoryData<string> Representative => ["long title", "heatmap with long class names", "log axis", "threshold explorer", "loss curves with slopes"];

    static readonly ScoredLabels Simulated = SimulatedScores.Make(300, 0.4, 2, seed: 1);

    static Figure Build(string kind) => kind switch
    {
        "long title" => FoldPlots.Folds(new StratifiedKFold(5).Split(40, Enumerable.Range(0, 40).Select(i => (long)(i % 8 == 0 ? 1 : 0)).ToArray()), 40,
            "StratifiedKFold(5): the rare class (yellow strip, right) is spread over every test fold", Enumerable.Range(0, 40).Select(i => (long)(i % 8 == 0 ? 1 : 0)).ToArray()),
        "heatmap with long class names" => MetricPlots.ConfusionMatrix(Classification.ConfusionMatrix([0, 1, 1, 0, 1], [0, 1, 0, 0, 1]),
            ["actually a negative case", "actually a positive case"], "Confusion matrix of the spam filter on the held-out test set of messages"),
        "log axis" => Capacity.Plot(Enumerable.Range(1, 14).Select(d => new CapacityPoint(d, d == 14 ? 1e-28 : 0.5 / d, 0.04 + 0.05 * Math.Abs(d - 5))).ToList()),
        "threshold explorer" => MetricPlots.ThresholdExplorer(Simulated.Labels, Simulated.Scores, Enumerable.Range(1, 19).Select(i => i * 0.05).ToArray()),
        "loss curves with slopes" => Kit.Losses.LossCurves.Plot(Kit.Losses.LossCurves.Regression(4, 41, 1.0, 2.0), "Regression losses against the error", "error ŷ − y", withSlopes: true, yMax: 8),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown chart kind"),
    };

    [SkippableTheory]
    [MemberData(nameof(Representative))]
    public async Task A_representative_chart_keeps_its_title_clear_of_the_toolbar_and_its_labels_inside(string kind)
    {
        var found = await CollisionsAsync(Build(kind));
        Assert.True(found.Length == 0, $"{kind}: {string.Join("; ", found)}");
    }

    [SkippableFact]
    public async Task A_chart_built_to_collide_is_caught()
    {
        var colliding = new Figure()
            .AddTrace(new { type = "bar", orientation = "h", y = new[] { "a class name far too long for a five pixel margin", "b" }, x = new[] { 1.0, 2.0 } })
            .WithTitle("Right-aligned under the toolbar")
            .WithLayout(new { title = new { x = 1.0, xanchor = "right", y = 0.99, yanchor = "top" }, margin = new { l = 5, t = 30 }, yaxis = new { automargin = false } });
        var found = await CollisionsAsync(colliding);
        Assert.Contains(found, f => f.Contains("under the toolbar", StringComparison.Ordinal));
        Assert.Contains(found, f => f.Contains("clipped by the chart edge", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task A_legend_put_under_the_plot_onto_the_slider_is_caught()
    {
        // The threshold explorer's old place for its legend: under the plots, where the slider and its ticks are.
        var fig = MetricPlots.ThresholdExplorer(Simulated.Labels, Simulated.Scores, [0.2, 0.4, 0.6, 0.8])
            .WithLayout(new { legend = new { orientation = "h", x = 0.0, xanchor = "left", y = -0.45, yanchor = "auto" }, margin = new { b = 150 } });
        var found = await CollisionsAsync(fig);
        Assert.Contains(found, f => f.Contains("legend over the slider", StringComparison.Ordinal));
    }
}
