using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kit.Browser.Tests;

/// <summary>Bank text never runs as markup; the widget reads in light and dark notebook themes; it needs no network.</summary>
[Collection(BrowserCollection.Name)]
public sealed class QuizSafetyAndThemeTests(BrowserFixture browser)
{
    [SkippableFact]
    public async Task Markup_in_every_bank_text_is_shown_literally_and_never_runs()
    {
        await using var quiz = await browser.OpenAsync(Quizzes.Hostile().ToHtml());
        await quiz.Option("s", "A").ClickAsync();                          // reveals explanations and the tip
        await quiz.Check("o").ClickAsync();                                // reveals the right order
        await quiz.Question("x").Locator("select[data-item='1']").SelectOptionAsync("A");
        await quiz.Question("x").Locator("select[data-item='2']").SelectOptionAsync("B");
        await quiz.Check("x").ClickAsync();                                // reveals the matches
        await quiz.Question("n").Locator(".kq-num").FillAsync("1");
        await quiz.Check("n").ClickAsync();                                // reveals the solution
        await quiz.Option("c1", "A").ClickAsync();
        await Expect(quiz.Score).ToHaveTextAsync("2 / 6 correct");

        Assert.Equal("undefined", await quiz.Page.EvaluateAsync<string>("() => typeof window.__pwned"));
        Assert.Equal(0, await quiz.Page.Locator("img").CountAsync());
        Assert.Equal(1, await quiz.Page.Locator("script").CountAsync());   // the widget's own
        var literal = Quizzes.Payload;
        await Expect(quiz.Page.Locator(".kq-title")).ToHaveTextAsync("Self-check: " + literal);
        await Expect(quiz.Page.Locator(".kq-case")).ToContainTextAsync("Case study: " + literal);
        await Expect(quiz.Question("s").Locator(".kq-prompt")).ToContainTextAsync(literal);
        await Expect(quiz.Option("s", "A")).ToHaveTextAsync("A. " + literal);
        await Expect(quiz.Explanation("s", "A")).ToHaveTextAsync("A ✗ not this one: " + literal);
        await Expect(quiz.Explanation("s", "B")).ToHaveTextAsync("B ✓ correct: " + literal);
        await Expect(quiz.Question("s").Locator(".kq-tip")).ToHaveTextAsync("Exam tip: " + literal);
        await Expect(quiz.Solution("o").Locator("li").First).ToHaveTextAsync($"B. {literal} — {literal}");
        await Expect(quiz.Solution("x").Locator("li").First).ToContainTextAsync($"1 → A ({literal}): {literal}");
        await Expect(quiz.Question("x").Locator("td").First).ToHaveTextAsync("1. " + literal);
        await Expect(quiz.Solution("n")).ToContainTextAsync(literal);
        quiz.AssertOfflineAndErrorFree();
    }

    [SkippableFact]
    public async Task The_network_guard_notices_a_page_that_reaches_out()
    {
        await using var page = await browser.OpenAsync("""<img src="http://kit.invalid/pixel.png" alt="">""");
        await Expect(page.Page.Locator("img")).ToHaveJSPropertyAsync("complete", true);
        Assert.Throws<Xunit.Sdk.EmptyException>(page.AssertOfflineAndErrorFree);
    }

    public static TheoryData<string, string> Themes => new()
    {
        { "light", "body{background:#ffffff;color:#1f1f1f}" },
        { "dark", "body{background:#1e1e1e;color:#ddd}" },
    };

    [SkippableTheory]
    [MemberData(nameof(Themes))]
    public async Task Options_feedback_and_explanations_keep_a_contrast_of_at_least_4_5_in_the_theme(string theme, string bodyCss)
    {
        var dark = theme == "dark";
        await using var quiz = await browser.OpenAsync(Quizzes.EveryFormat().ToHtml(), dark ? ColorScheme.Dark : ColorScheme.Light, bodyCss);

        var option = await Colours.OfAsync(quiz.Option("s", "A"));
        Assert.True(dark ? option.TextLuminance > 0.5 : option.TextLuminance < 0.1, $"option text in the {theme} theme: {option}");
        Assert.True(option.Contrast >= 4.5, $"option text in the {theme} theme: {option}");

        await quiz.Option("s", "A").ClickAsync();
        await quiz.Option("c1", "A").ClickAsync();
        foreach (var (name, element) in new[]
                 {
                     ("'Not quite.'", quiz.Message("s")), ("'Correct.'", quiz.Message("c1")),
                     ("the chosen wrong option", quiz.Option("s", "A")), ("the right option, marked", quiz.Option("s", "B")),
                     ("a wrong option's explanation", quiz.Explanation("s", "A")), ("the right option's explanation", quiz.Explanation("s", "B")),
                     ("the case-study scenario", quiz.Page.Locator(".kq-case")), ("the score", quiz.Score),
                 })
        {
            var c = await Colours.OfAsync(element);
            Assert.True(c.Contrast >= 4.5, $"{name} in the {theme} theme: {c}");
        }
        quiz.AssertOfflineAndErrorFree();
    }
}
