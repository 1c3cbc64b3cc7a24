using static Microsoft.Playwright.Assertions;

namespace Kit.Browser.Tests;

/// <summary>What the widget says about saving an answer, for each reply the host's transport can give.</summary>
[Collection(BrowserCollection.Name)]
public sealed class QuizSavingTests(BrowserFixture browser)
{
    Task<QuizPage> OpenAsync(string transport) => browser.OpenAsync(Kit.Quizzes.QuizHtml.Render(Quizzes.EveryFormat(), transport));

    [SkippableFact]
    public async Task The_widget_says_saved_only_once_the_kernel_has_replied_ok()
    {
        await using var quiz = await OpenAsync("function(code){return new Promise(function(ok){window.__reply=ok;});}");
        await quiz.Option("s", "B").ClickAsync();
        var save = quiz.Question("s").Locator(".kq-save");
        await Expect(save).ToHaveTextAsync("Saving to your progress…");
        await quiz.Page.EvaluateAsync("() => window.__reply()");
        await Expect(save).ToHaveTextAsync("Saved to your progress (the kernel confirmed).");
        await quiz.TryAgain("s").ClickAsync();
        await Expect(save).ToBeHiddenAsync();
        quiz.AssertOfflineAndErrorFree();
    }

    [SkippableFact]
    public async Task A_kernel_that_did_not_save_gives_its_reason_and_the_line_that_saves_the_answer()
    {
        await using var quiz = await OpenAsync("function(code){return Promise.reject(new Error('Recording is off in this kernel (KIT_PROGRESS=off).'));}");
        await quiz.Option("s", "B").ClickAsync();
        var save = quiz.Question("s").Locator(".kq-save");
        await Expect(save).ToHaveAttributeAsync("data-saved", "no");
        await Expect(save).ToContainTextAsync("Not saved: Recording is off in this kernel (KIT_PROGRESS=off).");
        await Expect(save.Locator("code").First).ToHaveTextAsync("Kit.Quizzes.WidgetAnswers.Save(\"s\", \"B\", null);");
        quiz.AssertOfflineAndErrorFree();
    }

    [SkippableFact]
    public async Task Where_the_page_cannot_reach_a_kernel_the_widget_says_so_and_shows_the_code_and_the_kit_command()
    {
        await using var quiz = await OpenAsync("function(code){return null;}");
        await quiz.Option("m", "B").ClickAsync();
        await quiz.Option("m", "D").ClickAsync();
        await quiz.Check("m").ClickAsync();
        var save = quiz.Question("m").Locator(".kq-save");
        await Expect(save).ToContainTextAsync("Not saved: this page has no connection to the kernel");
        var lines = await save.Locator("code").AllTextContentsAsync();
        Assert.Equal(["Kit.Quizzes.WidgetAnswers.Save(\"m\", \"B,D\", null);", "dotnet run --project src/Kit.Cli -- quiz answer m B,D --bank-order"], lines);
        quiz.AssertOfflineAndErrorFree();
    }
}
