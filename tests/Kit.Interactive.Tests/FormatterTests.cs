using System.Text.RegularExpressions;

namespace Kit.Interactive.Tests;

[Collection("kernel")]
public class FormatterTests(KernelFixture kernel)
{
    [Fact]
    public async Task A_kit_figure_renders_as_an_offline_chart_matching_the_approved_html()
    {
        var outputs = await kernel.RunAsync("""
            using Kit.Charts;
            Chart.Line(new double[] { 0, 1, 2 }, new double[] { 0, 1, 4 }, "x²").WithTitle("squares")
            """);
        Approvals.Verify("kit-figure.html", Normalize(Assert.Single(outputs)));
    }

    [Fact]
    public async Task An_xplot_chart_renders_through_the_same_offline_path()
    {
        var outputs = await kernel.RunAsync("""
            XPlot.Plotly.Chart.Plot(new XPlot.Plotly.Scatter { x = new[] { 1, 2, 3 }, y = new[] { 3, 1, 2 }, name = "xplot" })
            """);
        var html = Assert.Single(outputs);
        Assert.Contains("class=\"kit-chart\"", html);
        Assert.Contains("\"xplot\"", html);
        Assert.DoesNotContain("cdn.plot.ly", html);
        Assert.DoesNotContain("<script src", html);
    }

    [Fact]
    public async Task A_quiz_renders_as_a_self_contained_widget()
    {
        var outputs = await kernel.RunAsync(""""
            var topic = Kit.Quizzes.QuizBank.Parse("""
                {"topic":"t","title":"T","questions":[{"id":"t-1","type":"single","section":"S","difficulty":"easy",
                 "prompt":"<script>alert(1)</script> Which?","options":[{"key":"A","text":"a","explanation":"why a"},
                 {"key":"B","text":"b","explanation":"why b"}],"answer":["B"]}]}
                """, "inline");
            Kit.Quizzes.Quiz.From(topic)
            """");
        var html = Assert.Single(outputs);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.DoesNotContain("<script>alert", html);
        Assert.Contains("class=\"kit-quiz\"", html);
        Assert.DoesNotContain("<script src", html);
        Assert.DoesNotContain("<link", html);
    }

    [Fact]
    public void The_banner_carries_plotly_js_and_names_version_device_and_threads()
    {
        var html = System.Net.WebUtility.HtmlDecode(Banner.Create());
        Assert.Contains("window.Plotly", html);
        Assert.Matches(@"Kit 0\.1\.0-local-[0-9a-f]{8} · TorchSharp 0\.107\.0 \(libtorch 2\.10\.0\) · device (cpu|cuda) \(.+\) · \d+ thread", html);
        Assert.DoesNotContain("<script src", html);
    }

    static string Normalize(string html) => Regex.Replace(html, @"kit-chart-[0-9a-f]+", "kit-chart-ID");
}
