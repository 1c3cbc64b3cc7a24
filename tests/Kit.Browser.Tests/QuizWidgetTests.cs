using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kit.Browser.Tests;

/// <summary>A rendered quiz answered in a real browser, right and wrong, by mouse and by keyboard.</summary>
[Collection(BrowserCollection.Name)]
public sealed class QuizWidgetTests(BrowserFixture browser)
{
    Task<QuizPage> OpenEveryFormatAsync() => browser.OpenAsync(Quizzes.EveryFormat().ToHtml());

    [SkippableFact]
    public async Task A_wrong_single_choice_explains_the_chosen_and_the_right_option_and_a_retry_can_score()
    {
        await using var quiz = await OpenEveryFormatAsync();
        await Expect(quiz.Score).ToHaveTextAsync("0 / 7 correct");
        foreach (var key in new[] { "A", "B", "C", "D" }) await Expect(quiz.Explanation("s", key)).ToBeHiddenAsync();

        await quiz.Option("s", "A").ClickAsync();
        await Expect(quiz.Message("s")).ToHaveTextAsync("Not quite.");
        await Expect(quiz.Explanation("s", "A")).ToBeVisibleAsync();
        await Expect(quiz.Explanation("s", "A")).ToContainTextAsync("ReLU has no upper bound.");
        await Expect(quiz.Explanation("s", "B")).ToBeVisibleAsync();
        await Expect(quiz.Explanation("s", "B")).ToContainTextAsync("The logistic curve stays inside (0, 1).");
        await Expect(quiz.Explanation("s", "C")).ToBeHiddenAsync();
        await Expect(quiz.Explanation("s", "D")).ToBeHiddenAsync();
        await Expect(quiz.Question("s").Locator(".kq-tip")).ToBeVisibleAsync();
        await Expect(quiz.Score).ToHaveTextAsync("0 / 7 correct");
        await Expect(quiz.Option("s", "B")).ToBeDisabledAsync();

        await quiz.TryAgain("s").ClickAsync();
        await Expect(quiz.Message("s")).ToHaveTextAsync("");
        await Expect(quiz.Explanation("s", "A")).ToBeHiddenAsync();
        await Expect(quiz.TryAgain("s")).ToBeHiddenAsync();
        await quiz.Option("s", "B").ClickAsync();
        await Expect(quiz.Message("s")).ToHaveTextAsync("Correct.");
        await Expect(quiz.Explanation("s", "B")).ToBeVisibleAsync();
        await Expect(quiz.Explanation("s", "A")).ToBeHiddenAsync();
        await Expect(quiz.Score).ToHaveTextAsync("1 / 7 correct");
        quiz.AssertOfflineAndErrorFree();
    }

    [SkippableFact]
    public async Task Each_answer_is_sent_as_one_sanitised_line_of_CSharp_through_the_transport_the_host_gives()
    {
        var html = Kit.Quizzes.QuizHtml.Render(Quizzes.EveryFormat(), "function(code){window.__sent=(window.__sent||[]).concat([code]);}");
        await using var quiz = await browser.OpenAsync(html);
        await quiz.Option("s", "B").ClickAsync();
        await quiz.Option("m", "B").ClickAsync();
        await quiz.Option("m", "D").ClickAsync();
        await quiz.Check("m").ClickAsync();
        await Expect(quiz.Message("m")).ToHaveTextAsync("Correct.");

        var sent = await quiz.Page.EvaluateAsync<string[]>("window.__sent");
        Assert.Equal(["Kit.Quizzes.WidgetAnswers.Save(\"s\", \"B\", null);", "Kit.Quizzes.WidgetAnswers.Save(\"m\", \"B,D\", null);"], sent);
        quiz.AssertOfflineAndErrorFree();
    }

    [SkippableFact]
    public async Task A_multiple_response_question_asks_for_exactly_its_count_and_accepts_the_right_set()
    {
        await using var quiz = await OpenEveryFormatAsync();
        await Expect(quiz.Question("m").Locator(".kq-hint")).ToHaveTextAsync("Choose 2.");

        await quiz.Option("m", "B").ClickAsync();
        await Expect(quiz.Option("m", "B")).ToHaveAttributeAsync("aria-pressed", "true");
        await quiz.Check("m").ClickAsync();
        await Expect(quiz.Message("m")).ToHaveTextAsync("Choose exactly 2.");
        await quiz.Option("m", "A").ClickAsync();
        await quiz.Option("m", "D").ClickAsync();
        await quiz.Check("m").ClickAsync();
        await Expect(quiz.Message("m")).ToHaveTextAsync("Choose exactly 2.");
        await Expect(quiz.Score).ToHaveTextAsync("0 / 7 correct");

        await quiz.Option("m", "A").ClickAsync(); // toggles A off again: B and D remain
        await Expect(quiz.Option("m", "A")).ToHaveAttributeAsync("aria-pressed", "false");
        await quiz.Check("m").ClickAsync();
        await Expect(quiz.Message("m")).ToHaveTextAsync("Correct.");
        await Expect(quiz.Explanation("m", "B")).ToBeVisibleAsync();
        await Expect(quiz.Explanation("m", "D")).ToBeVisibleAsync();
        await Expect(quiz.Explanation("m", "A")).ToBeHiddenAsync();
        await Expect(quiz.Score).ToHaveTextAsync("1 / 7 correct");
        quiz.AssertOfflineAndErrorFree();
    }

    [SkippableFact]
    public async Task An_ordering_question_is_wrong_in_the_wrong_order_and_right_once_reordered_with_the_arrows()
    {
        await using var quiz = await OpenEveryFormatAsync();
        Assert.Equal(["A", "B", "C", "D"], await quiz.OrderAsync("o"));
        await quiz.Question("o").Locator(".kq-order > li[data-key='A'] .kq-down").ClickAsync();
        Assert.Equal(["B", "A", "C", "D"], await quiz.OrderAsync("o"));
        await quiz.Question("o").Locator(".kq-order > li[data-key='B'] .kq-up").ClickAsync(); // first already: no move
        Assert.Equal(["B", "A", "C", "D"], await quiz.OrderAsync("o"));

        await quiz.Check("o").ClickAsync();
        await Expect(quiz.Message("o")).ToHaveTextAsync("Not quite.");
        var rightOrder = quiz.Solution("o").Locator("li");
        await Expect(quiz.Solution("o")).ToBeVisibleAsync();
        await Expect(rightOrder).ToHaveCountAsync(4);
        await Expect(rightOrder.Nth(0)).ToContainTextAsync("C. Forward pass");
        await Expect(rightOrder.Nth(1)).ToContainTextAsync("A. Compute the loss");
        await Expect(rightOrder.Nth(2)).ToContainTextAsync("D. Backward pass");
        await Expect(rightOrder.Nth(3)).ToContainTextAsync("B. Update the weights");
        await Expect(quiz.Score).ToHaveTextAsync("0 / 7 correct");

        await quiz.TryAgain("o").ClickAsync();
        await Expect(quiz.Solution("o")).ToBeHiddenAsync();
        await quiz.ReorderAsync("o", "C", "A", "D", "B");
        await quiz.Check("o").ClickAsync();
        await Expect(quiz.Message("o")).ToHaveTextAsync("Correct.");
        await Expect(quiz.Score).ToHaveTextAsync("1 / 7 correct");
        quiz.AssertOfflineAndErrorFree();
    }

    [SkippableFact]
    public async Task A_matching_question_wants_every_item_matched_before_it_grades()
    {
        await using var quiz = await OpenEveryFormatAsync();
        var first = quiz.Question("x").Locator("select[data-item='1']");
        var second = quiz.Question("x").Locator("select[data-item='2']");

        await first.SelectOptionAsync("A");
        await quiz.Check("x").ClickAsync();
        await Expect(quiz.Message("x")).ToHaveTextAsync("Match every item first.");
        await Expect(quiz.Solution("x")).ToBeHiddenAsync();

        await second.SelectOptionAsync("B");
        await quiz.Check("x").ClickAsync();
        await Expect(quiz.Message("x")).ToHaveTextAsync("Correct.");
        await Expect(quiz.Solution("x")).ToContainTextAsync("2 → B");
        await Expect(quiz.Score).ToHaveTextAsync("1 / 7 correct");

        await quiz.TryAgain("x").ClickAsync();
        await Expect(first).ToHaveValueAsync("");
        await first.SelectOptionAsync("B");
        await second.SelectOptionAsync("A");
        await quiz.Check("x").ClickAsync();
        await Expect(quiz.Message("x")).ToHaveTextAsync("Not quite.");
        await Expect(quiz.Score).ToHaveTextAsync("0 / 7 correct");
        quiz.AssertOfflineAndErrorFree();
    }

    [SkippableFact]
    public async Task A_numeric_answer_is_right_within_the_tolerance_and_otherwise_shows_the_solution()
    {
        await using var quiz = await OpenEveryFormatAsync();
        var input = quiz.Question("n").Locator(".kq-num");

        await input.FillAsync("eighty percent");
        await quiz.Check("n").ClickAsync();
        await Expect(quiz.Message("n")).ToHaveTextAsync("Type a number first.");
        await input.FillAsync("");
        await quiz.Check("n").ClickAsync();
        await Expect(quiz.Message("n")).ToHaveTextAsync("Type a number first.");

        await input.FillAsync("0.9");
        await quiz.Check("n").ClickAsync();
        await Expect(quiz.Message("n")).ToHaveTextAsync("Not quite.");
        await Expect(quiz.Solution("n")).ToBeVisibleAsync();
        await Expect(quiz.Solution("n")).ToContainTextAsync("40 / (40 + 10) = 0.8");
        await Expect(quiz.Score).ToHaveTextAsync("0 / 7 correct");

        await quiz.TryAgain("n").ClickAsync();
        await Expect(input).ToHaveValueAsync("");
        await input.FillAsync("0,803"); // a decimal comma is accepted
        await quiz.Check("n").ClickAsync();
        await Expect(quiz.Message("n")).ToHaveTextAsync("Correct.");
        await Expect(quiz.Score).ToHaveTextAsync("1 / 7 correct");
        quiz.AssertOfflineAndErrorFree();
    }

    [SkippableFact]
    public async Task Tab_reaches_the_options_and_Enter_or_Space_answers_them()
    {
        await using var quiz = await OpenEveryFormatAsync();
        await Expect(quiz.Page.Locator(".kq-case")).ToContainTextAsync("Case study: Card fraud");
        await Expect(quiz.Page.Locator(".kq-case")).ToContainTextAsync("A bank scores every card payment for fraud in real time.");

        await quiz.TabToAsync(quiz.Option("c1", "A"));
        await quiz.Page.Keyboard.PressAsync("Enter");
        await Expect(quiz.Message("c1")).ToHaveTextAsync("Correct.");
        await Expect(quiz.Score).ToHaveTextAsync("1 / 7 correct");

        await quiz.TabToAsync(quiz.Option("c2", "B"));
        await quiz.Page.Keyboard.PressAsync(" ");
        await Expect(quiz.Message("c2")).ToHaveTextAsync("Not quite.");
        await Expect(quiz.Explanation("c2", "C")).ToBeVisibleAsync();
        await Expect(quiz.Score).ToHaveTextAsync("1 / 7 correct");

        await quiz.TabToAsync(quiz.TryAgain("c2"));
        await quiz.Page.Keyboard.PressAsync("Enter");
        await Expect(quiz.Option("c2", "A")).ToBeFocusedAsync();
        await quiz.TabToAsync(quiz.Option("c2", "C"));
        await quiz.Page.Keyboard.PressAsync(" ");
        await Expect(quiz.Message("c2")).ToHaveTextAsync("Correct.");
        await Expect(quiz.Score).ToHaveTextAsync("2 / 7 correct");
        quiz.AssertOfflineAndErrorFree();
    }

    [SkippableFact]
    public async Task The_score_counts_exactly_the_questions_answered_right()
    {
        await using var quiz = await OpenEveryFormatAsync();
        await quiz.Option("s", "B").ClickAsync();                                   // right
        await quiz.Option("m", "A").ClickAsync(); await quiz.Option("m", "B").ClickAsync();
        await quiz.Check("m").ClickAsync();                                         // wrong set
        await quiz.ReorderAsync("o", "C", "A", "D", "B"); await quiz.Check("o").ClickAsync(); // right
        await quiz.Question("x").Locator("select[data-item='1']").SelectOptionAsync("C");
        await quiz.Question("x").Locator("select[data-item='2']").SelectOptionAsync("B");
        await quiz.Check("x").ClickAsync();                                         // wrong
        await quiz.Question("n").Locator(".kq-num").FillAsync("0.8"); await quiz.Check("n").ClickAsync(); // right
        await quiz.Option("c1", "A").ClickAsync();                                  // right
        await quiz.Option("c2", "A").ClickAsync();                                  // wrong

        var results = await quiz.Page.Locator(".kq-q").EvaluateAllAsync<string[]>("qs => qs.map(q => q.getAttribute('data-result'))");
        Assert.Equal(["right", "wrong", "right", "wrong", "right", "right", "wrong"], results);
        var right = results.Count(r => r == "right");
        await Expect(quiz.Score).ToHaveTextAsync($"{right} / 7 correct");
        await Expect(quiz.Page.Locator(".kq-msg", new() { HasTextString = "Correct." })).ToHaveCountAsync(right);

        await quiz.TryAgain("s").ClickAsync();                                      // a retried question no longer counts
        await Expect(quiz.Score).ToHaveTextAsync($"{right - 1} / 7 correct");
        quiz.AssertOfflineAndErrorFree();
    }

    [SkippableTheory]
    [InlineData(1100)]
    [InlineData(400)]
    public async Task Matching_dropdowns_stay_inside_the_quiz_box_on_a_wide_and_a_narrow_page(int width)
    {
        // Lesson 07's bank: its matching question lists long loss names, whose dropdowns stuck out of the box at 1100 px.
        await using var quiz = await browser.OpenAsync(Kit.Quizzes.Quiz.For("loss-functions").ToHtml(), bodyCss: $"body{{width:{width}px;margin:0}}");
        var sticking = await quiz.Page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('.kit-quiz')].flatMap(box => {
              const b = box.getBoundingClientRect();
              return [...box.querySelectorAll('.kq-match select, .kq-match td')]
                .filter(s => s.getBoundingClientRect().right > b.right + 0.5)
                .map(s => (s.getAttribute('aria-label') || s.textContent.slice(0, 30)) + ' ends at ' + Math.round(s.getBoundingClientRect().right) + ', the box at ' + Math.round(b.right));
            })
            """);
        Assert.NotEmpty(await quiz.Page.Locator(".kq-match select").AllAsync());
        Assert.True(sticking.Length == 0, string.Join("; ", sticking));
        quiz.AssertOfflineAndErrorFree();
    }

    [SkippableFact]
    public async Task The_check_button_hides_once_a_question_is_answered_and_returns_with_try_again()
    {
        await using var quiz = await OpenEveryFormatAsync();
        await quiz.Option("m", "B").ClickAsync();
        await quiz.Option("m", "D").ClickAsync();
        await quiz.Check("m").ClickAsync();
        await Expect(quiz.Message("m")).ToHaveTextAsync("Correct.");
        await Expect(quiz.Check("m")).ToBeHiddenAsync();
        await quiz.TryAgain("m").ClickAsync();
        await Expect(quiz.Check("m")).ToBeVisibleAsync();
        quiz.AssertOfflineAndErrorFree();
    }
}
