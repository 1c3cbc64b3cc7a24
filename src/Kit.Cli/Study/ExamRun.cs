using System.Globalization;
using Kit.Progress;
using Kit.Quizzes;
using Kit.Terminal;
using Spectre.Console;

namespace Kit.Cli.Study;

/// <summary>
/// <c>kit quiz --exam</c> at the terminal: one question at a time with a menu to answer, flag, skip or go back, a review
/// screen before submitting, then the report. The clock is read once per screen, and every prompt ends when time is up.
/// </summary>
internal static class ExamRun
{
    const string AnswerIt = "Answer", Flag = "Flag for review", Unflag = "Remove the flag", Skip = "Skip for now",
        Back = "Back to the previous question", Review = "Review screen", Submit = "Submit the exam", Return = "Back to the question";

    public static async Task<int> RunAsync(StudyContext ctx, ExamSession session, CancellationToken ct, string version = ExamVersions.Default)
    {
        var c = ctx.Console;
        string? lastCase = null;
        bool reviewing = false, submitted = false;
        while (!submitted)
        {
            var left = session.Left();
            if (left <= TimeSpan.Zero) { c.WriteLine(); c.MarkupLine("[yellow bold]Time is up.[/] The exam ends here; what you answered is graded."); break; }
            using var timer = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var expiry = Task.Delay(left, ctx.Clock, timer.Token);
            try
            {
                if (reviewing) (reviewing, submitted) = await ReviewAsync(c, session, left, expiry, timer.Token);
                else reviewing = await QuestionAsync(c, session, left, expiry, timer.Token, ref lastCase);
            }
            catch (TimeoutException) { continue; } // the next screen reads the clock and ends the exam
            finally { await timer.CancelAsync(); }
        }
        ExamReport.Show(ctx, session.Submit(ctx.Pipeline, ctx.AllQuestions), session.Seed, version);
        return 0;
    }

    /// <returns>Whether to open the review screen next.</returns>
    static Task<bool> QuestionAsync(IAnsiConsole c, ExamSession s, TimeSpan left, Task expiry, CancellationToken ct, ref string? lastCase)
    {
        int i = s.Current;
        var status = s.AnswerOf(i) is { } a ? $"answered {string.Join(" ", a)}" : "not answered";
        AnswerPrompts.Show(c, s.CurrentQuestion, $"Question {i + 1}/{s.Questions.Count} · {status}{(s.IsFlagged(i) ? " · flagged" : "")} · {Clock(left)} left", ref lastCase, listChoices: true);
        return Act();

        async Task<bool> Act()
        {
            var menu = new List<string> { AnswerIt, s.IsFlagged(i) ? Unflag : Flag, Skip };
            if (i > 0) menu.Add(Back);
            menu.Add(Review);
            var action = await Race(new SelectionPrompt<string>().Title("What next?").AddChoices(menu).ShowAsync(c, ct), expiry);
            switch (action)
            {
                case AnswerIt:
                    s.Answer(await Race(AnswerPrompts.AskAsync(c, s.CurrentQuestion, ct), expiry));
                    return !s.Next();
                case Flag or Unflag:
                    s.ToggleFlag();
                    return false;
                case Skip:
                    return !s.Next();
                case Back:
                    s.Back();
                    return false;
                default:
                    return true;
            }
        }
    }

    /// <returns>(stay on the review screen, submitted).</returns>
    static async Task<(bool, bool)> ReviewAsync(IAnsiConsole c, ExamSession s, TimeSpan left, Task expiry, CancellationToken ct)
    {
        c.WriteLine();
        var table = new Table().Title($"Review · {Clock(left)} left").AddColumns("#", "Topic", "Answer", "Flag");
        for (int i = 0; i < s.Questions.Count; i++)
            table.AddRow((i + 1).ToString(CultureInfo.InvariantCulture), Markup.Escape(s.Questions[i].Topic),
                s.AnswerOf(i) is { } a ? Markup.Escape(string.Join(" ", a)) : "[yellow]not answered[/]", s.IsFlagged(i) ? "[blue]flagged[/]" : "");
        c.Write(table);
        int open = s.Unanswered.Count(), marked = s.Flagged.Count();
        c.MarkupLine($"{open} not answered, {marked} flagged. Unanswered questions count as wrong.");
        var jumps = s.Flagged.Concat(s.Unanswered).Distinct().Order()
            .Select(i => $"Go to question {i + 1}{(s.IsFlagged(i) ? " (flagged)" : "")}{(s.AnswerOf(i) is null ? " (not answered)" : "")}").ToList();
        var choice = await Race(new SelectionPrompt<string>().Title("Submit or go back?").PageSize(Math.Max(3, jumps.Count + 2))
            .AddChoices([Submit, Return, .. jumps]).ShowAsync(c, ct), expiry);
        if (choice == Submit) return (false, true);
        if (choice != Return) s.GoTo(int.Parse(choice["Go to question ".Length..].Split(' ')[0], CultureInfo.InvariantCulture) - 1);
        return (false, false);
    }

    /// <summary>The prompt's answer, or <see cref="TimeoutException"/> when the time runs out first.</summary>
    static async Task<T> Race<T>(Task<T> prompt, Task expiry) =>
        await Task.WhenAny(prompt, expiry) == prompt ? await prompt : throw new TimeoutException();

    internal static string Clock(TimeSpan t) => $"{(int)t.TotalMinutes}:{t.Seconds:00}";
}
