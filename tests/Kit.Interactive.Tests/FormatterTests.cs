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
                {"topic":"t","title":"T","questions":[{"id":"t-1","type":"single","section":"S","difficulty":"easy","exams":["C01","C02"],"task":"2.2",
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
    public async Task The_line_the_quiz_widget_sends_runs_in_the_kernel_and_fails_with_the_reason_when_nothing_is_saved()
    {
        // What the widget's script builds for an answer (WidgetAnswers.CallScript): it compiles against the loaded Kit, and
        // the kernel's reply is the widget's only evidence, so not saving (tests record nothing) must fail the command.
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => kernel.RunAsync("""Kit.Quizzes.WidgetAnswers.Save("nnb-binary-output", "A", 2024);"""));
        Assert.Contains("Recording is off in this kernel (KIT_PROGRESS=off).", e.Message);
    }

    [Fact]
    public async Task Running_the_setup_cell_again_shows_the_banner_and_plotly_js_again_and_other_cells_do_not()
    {
        var again = await kernel.RunAsync("""var kitPackage = System.IO.Path.Combine("artifacts", "kit-package.txt");""");
        Assert.Contains(again, o => o.Contains("class=\"kit-banner\"") && o.Contains("window.Plotly"));
        Assert.DoesNotContain(await kernel.RunAsync("var notSetup = 1;"), o => o.Contains("kit-banner"));
    }

    [Fact]
    public void The_quiz_widget_in_a_notebook_sends_answers_to_the_kernel_only_through_a_present_kernel_API()
    {
        var quiz = Kit.Quizzes.Quiz.For(Kit.Quizzes.QuizBank.Topics.First());
        var html = QuizAnswers.Html(quiz);
        Assert.Contains("typeof k.submitCode==='function'", html);
        Assert.Contains("typeof nb.kernel.execute==='function'", html);
        Assert.Contains("window.jupyterapp&&window.jupyterapp.shell", html);
        Assert.Contains("Kit.Quizzes.WidgetAnswers.Save(", html);
        Assert.DoesNotContain("window.interactive", quiz.ToHtml()); // the core knows no notebook host
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
