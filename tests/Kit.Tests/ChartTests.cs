using System.Text.Json.Nodes;
using Kit.Charts;

namespace Kit.Tests;

public class ChartTests
{
    [Fact]
    public void A_figure_serializes_traces_and_layout_with_plotly_attribute_names()
    {
        var fig = Chart.Line([0, 1], [2, 3], "a").AddScatter([1], [1], "b").WithTitle("t").WithAxisTitles("x", "y");
        var json = JsonNode.Parse(fig.ToJson())!;
        Assert.Equal("scatter", json["data"]![0]!["type"]!.GetValue<string>());
        Assert.Equal("lines", json["data"]![0]!["mode"]!.GetValue<string>());
        Assert.Equal("markers", json["data"]![1]!["mode"]!.GetValue<string>());
        Assert.Equal("t", json["layout"]!["title"]!["text"]!.GetValue<string>());
        Assert.Equal("y", json["layout"]!["yaxis"]!["title"]!["text"]!.GetValue<string>());
        Assert.Null(json["data"]![0]!["marker"]);
    }

    [Fact]
    public void Layout_merges_nested_attributes_instead_of_replacing_them()
    {
        var fig = new Figure().WithAxisTitles("x", "y").WithLayout(new { yaxis = new { type = "log" } });
        Assert.Equal("log", fig.Layout["yaxis"]!["type"]!.GetValue<string>());
        Assert.Equal("y", fig.Layout["yaxis"]!["title"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void Text_in_a_chart_cannot_close_its_script_element()
    {
        var html = Chart.Line([0], [0], "</script><script>alert(1)</script>").ToHtml();
        Assert.Equal(1, CountOf(html, "</script>"));
        Assert.DoesNotContain("<script>alert", html);
    }

    [Fact]
    public void Chart_html_loads_nothing_from_the_network()
    {
        var page = Chart.Line([0, 1], [1, 0]).ToStandaloneHtml();
        // The bundle itself mentions plotly.com links (its mode bar); the offline browser test proves it loads nothing.
        var markup = page.Replace(PlotlyJs.Source, "");
        Assert.DoesNotMatch("(src|href)=[\"']?(https?:)?//", markup);
        Assert.DoesNotContain("<script src", markup);
        Assert.Contains("window.Plotly", page);
        Assert.Contains($"v{PlotlyJs.Version}", PlotlyJs.Source[..200]);
    }

    [Fact]
    public void Every_chart_gets_its_own_element_id()
    {
        var a = Chart.Line([0], [0]).ToHtml();
        var b = Chart.Line([0], [0]).ToHtml();
        Assert.NotEqual(a[..60], b[..60]);
    }

    [Fact]
    public void A_too_small_height_is_refused_with_the_argument_name()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Figure().WithSize(10));
        Assert.Equal("height", e.ParamName);
    }

    [Fact]
    public void A_long_title_is_wrapped_into_lines_the_toolbar_cannot_reach()
    {
        const string title = "StratifiedKFold(5): the rare class (yellow strip, right) is spread over every test fold";
        var layout = JsonNode.Parse(ReadableLayout.Layout(new Figure().WithTitle(title).Layout.ToJsonString()))!;
        var lines = layout["title"]!["text"]!.GetValue<string>().Split("<br>");
        Assert.True(lines.Length >= 2);
        Assert.All(lines, l => Assert.InRange(l.Length, 1, ReadableLayout.MaxTitleChars));
        Assert.Equal(title, string.Join(" ", lines));
        Assert.Null(layout["title"]!["automargin"]);   // plotly's second pass left heatmap rows off their labels
        Assert.Equal(100 + ReadableLayout.TitleLineHeight * (lines.Length - 1), layout["margin"]!["t"]!.GetValue<double>());   // room for the added line
        Assert.Equal(("paper", "bottom"), (layout["title"]!["yref"]!.GetValue<string>(), layout["title"]!["yanchor"]!.GetValue<string>()));   // above the plot, below the toolbar
    }

    [Fact]
    public void A_title_wrapped_into_more_lines_makes_the_chart_taller_by_a_line_each()
    {
        var title = string.Join(" ", Enumerable.Repeat("word", 30));   // 149 characters: three lines
        Assert.Equal(2, ReadableLayout.AddedTitleLines(new Figure().WithTitle(title).Layout.ToJsonString()));
        var margins = new { margin = new { t = 40, b = 40 } };   // a plot area above the readable minimum, so only the title adds height
        Assert.Contains($"height:{300 + 2 * ReadableLayout.TitleLineHeight}px", Chart.Line([0], [0]).WithTitle(title).WithLayout(margins).WithSize(300).ToHtml());
        Assert.Contains("height:300px", Chart.Line([0], [0]).WithTitle("short").WithLayout(margins).WithSize(300).ToHtml());
    }

    [Fact]
    public void A_title_line_with_markup_and_a_plain_string_title_are_kept_whole()
    {
        var status = "<sub>epoch 16/100: loss 0.1234, val loss 0.2345, val accuracy 93.0% — a long status line</sub>";
        var layout = JsonNode.Parse(ReadableLayout.Layout($$"""{"title":"Short<br>{{status.Replace("\"", "")}}"}"""))!;
        Assert.Equal($"Short<br>{status}", layout["title"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void Every_rendered_chart_gets_the_narrow_toolbar_unless_it_chose_its_own()
    {
        var html = Chart.Line([0], [0]).ToHtml();
        Assert.Contains("\"modeBarButtonsToRemove\":[\"select2d\",\"lasso2d\"", html);
        var own = JsonNode.Parse(ReadableLayout.Config("""{"modeBarButtonsToRemove":["toImage"]}"""))!;
        Assert.Single(own["modeBarButtonsToRemove"]!.AsArray());
    }

    [Fact]
    public void A_plane_grid_evaluates_the_model_at_every_point_row_by_row()
    {
        // x + 10·y on the 3 × 3 grid over [0, 2] × [0, 1], worked by hand: rows are y = 0, 0.5, 1.
        var grid = PlaneGrid.Over(0, 2, 0, 1, p => [.. Enumerable.Range(0, p.Length / 2).Select(i => p[2 * i] + 10.0 * p[2 * i + 1])], steps: 3);
        Assert.Equal([0.0, 1, 2], grid.X);
        Assert.Equal([0.0, 0.5, 1], grid.Y);
        Assert.Equal([0.0, 1, 2], grid.Z[0]);
        Assert.Equal([5.0, 6, 7], grid.Z[1]);
        Assert.Equal([10.0, 11, 12], grid.Z[2]);
        Assert.Equal("evaluate", Assert.Throws<ArgumentException>(() => PlaneGrid.Over(0, 1, 0, 1, _ => [1.0], steps: 3)).ParamName);
        Assert.Equal("steps", Assert.Throws<ArgumentOutOfRangeException>(() => PlaneGrid.Over(0, 1, 0, 1, p => new double[p.Length / 2], steps: 1)).ParamName);
    }

    static int CountOf(string s, string part) => (s.Length - s.Replace(part, "").Length) / part.Length;
}
