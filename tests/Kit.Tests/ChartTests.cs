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

    static int CountOf(string s, string part) => (s.Length - s.Replace(part, "").Length) / part.Length;
}
