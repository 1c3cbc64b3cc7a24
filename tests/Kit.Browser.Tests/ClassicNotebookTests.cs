using Kit.Progress;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kit.Browser.Tests;

/// <summary>
/// The Kit in a real front end: Debian's classic Jupyter Notebook with the Kit's kernelspec, in Debian's Chromium.
/// A widget answer reaches the kernel and lands in progress.db, and charts draw again after the page is reloaded.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ClassicNotebookTests(BrowserFixture browser, ClassicNotebookServer server) : IClassFixture<ClassicNotebookServer>
{
    const string Setup = """
        var kitFeed = System.IO.Path.GetFullPath("../artifacts/packages");
        var kitPackage = System.IO.Path.Combine(kitFeed, "kit-package.txt");
        await Microsoft.DotNet.Interactive.Kernel.Root.SendAsync(new Microsoft.DotNet.Interactive.Commands.SubmitCode($"#i \"nuget: {kitFeed}\"\n#r \"nuget: {System.IO.File.ReadAllText(kitPackage).Trim()}\""));
        """;
    const string ChartCell = """Kit.Charts.Chart.Line(new double[] { 0, 1, 2 }, new double[] { 1, 3, 2 }, "line")""";
    const string QuizCell = """Kit.Quizzes.Quiz.Question("nnb-neuron-output")""";

    static readonly TimeSpan KernelWork = TimeSpan.FromMinutes(3);

    [SkippableFact]
    public async Task A_widget_answer_in_the_classic_notebook_is_saved_by_the_kernel_and_charts_draw_again_after_a_reload()
    {
        Skip.If(server.SkipReason is not null, server.SkipReason);
        var url = server.AddNotebook("front.ipynb", Setup, ChartCell, QuizCell);
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout((float)KernelWork.TotalMilliseconds);
        var events = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.Console += (_, m) => events.Enqueue($"console {m.Type}: {m.Text}");
        page.PageError += (_, e) => events.Enqueue($"page error: {e}");
        page.FrameNavigated += (_, f) => events.Enqueue($"navigated: {f.Url}");
        await OpenAsync(page, url);
        try { await AnswerAndReloadAsync(page); }
        catch (Exception e) when (e is TimeoutException or PlaywrightException or Xunit.Sdk.XunitException)
        {
            var cells = await page.EvaluateAsync<string>("() => Jupyter.notebook.get_cells().map(c => JSON.stringify(c.output_area ? c.output_area.outputs : [])).join('\\n').slice(0, 4000)");
            throw new InvalidOperationException($"{e.Message}\ncell outputs:\n{cells}\npage:\n{string.Join('\n', events)}\nserver:\n{server.Output[^Math.Min(4000, server.Output.Length)..]}", e);
        }
        await context.CloseAsync();
    }

    async Task AnswerAndReloadAsync(IPage page)
    {
        await page.EvaluateAsync("() => Jupyter.notebook.execute_all_cells()");

        await page.Locator(".kit-banner").First.WaitForAsync();
        await page.Locator(".kit-chart .main-svg").First.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var question = page.Locator(".kq-q[data-id='nnb-neuron-output']");
        await question.Locator(".kq-opt").First.ClickAsync();
        await Expect(question.Locator(".kq-save")).ToHaveAttributeAsync("data-saved", "yes", new() { Timeout = (float)KernelWork.TotalMilliseconds });
        await Expect(question.Locator(".kq-save")).ToHaveTextAsync("Saved to your progress (the kernel confirmed).");
        var rows = new ProgressStore(server.ProgressDb).Answers();
        Assert.Contains(rows, r => r.QuestionId == "nnb-neuron-output" && r.Source == AnswerSource.Widget);

        // A reload while the kernel keeps running: the page has lost plotly.js (outputs cleared and saved first, so no
        // saved output can bring it back). A chart cell waits for it; running the setup cell again brings it back.
        await page.EvaluateAsync("() => { Jupyter.notebook.clear_all_output(); return Jupyter.notebook.save_notebook(); }");
        await page.ReloadAsync();
        await OpenAsync(page, null);
        Assert.False(await page.EvaluateAsync<bool>("() => !!window.Plotly"));
        await page.EvaluateAsync("() => Jupyter.notebook.execute_cells([1])");
        await page.Locator(".kit-chart").First.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.EvaluateAsync("() => Jupyter.notebook.execute_cells([0])");
        await page.Locator(".kit-banner").First.WaitForAsync();
        await page.Locator(".kit-chart .main-svg").First.WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    static async Task OpenAsync(IPage page, string? url)
    {
        if (url is not null) await page.GotoAsync(url);
        await page.WaitForFunctionAsync("() => window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel && Jupyter.notebook.kernel.is_connected()");
    }
}
