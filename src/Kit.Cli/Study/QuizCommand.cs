using System.CommandLine;
using System.Globalization;
using Kit.Progress;
using Kit.Quizzes;
using Kit.Terminal;
using Spectre.Console;

namespace Kit.Cli.Study;

/// <summary><c>kit quiz [topic]</c>: practice, weakest and most due first; <c>kit quiz --exam</c>: a timed exam simulation.</summary>
internal static class QuizCommand
{
    public const int DefaultPracticeCount = 10;
    /// <summary>The exam's pace.</summary>
    public const int MinutesPerQuestion = 2;

    public static Command Create(Func<StudyContext>? context = null)
    {
        var topic = new Argument<string?>("topic") { Description = "A topic of the question bank (default: every topic)", Arity = ArgumentArity.ZeroOrOne };
        var count = new Option<int?>("--count") { Description = $"How many questions (default {DefaultPracticeCount}; with --exam {ExamForm.Domain2Block.Questions}, with --long {ExamForm.LongPractice.Questions})" };
        var exam = new Option<bool>("--exam") { Description = $"Exam simulation, Domain 2 block: {ExamForm.Domain2Block.Questions} questions in {ExamForm.Domain2Block.Time.TotalMinutes:0} minutes drawn by the study guide's topic weights; flag, skip, go back, review, then a scored report" };
        var longForm = new Option<bool>("--long") { Description = $"With --exam: long practice at the real exam's length and pace, {ExamForm.LongPractice.Questions} questions in {ExamForm.LongPractice.Time.TotalMinutes:0} minutes" };
        var minutes = new Option<double?>("--minutes") { Description = $"Exam time limit (default: the form's; with --count, {MinutesPerQuestion} minutes a question)" };
        var seed = new Option<int?>("--seed") { Description = "Exam: seed of the draw (the same seed draws the same exam)" };
        var command = new Command("quiz", "Self-check in the terminal: practise a topic (weakest and most due first) or sit a timed exam simulation. Answers are recorded in ~/.kit/progress.db.")
        {
            topic, count, exam, longForm, minutes, seed,
            AnswerCommand.Create(context),
        };
        command.SetAction((parse, ct) => StudyContext.Run(context, ctx =>
        {
            if (ctx.RejectUnknownTopic(parse.GetValue(topic), out _) is { } rejected) return Task.FromResult(rejected);
            if (!ctx.Console.Profile.Capabilities.Interactive)
            {
                ctx.Error.WriteLine("kit quiz needs an interactive terminal (standard input and output are redirected here); `kit quiz answer` answers one question without one.");
                return Task.FromResult(2);
            }
            if (parse.GetValue(longForm) && !parse.GetValue(exam)) { ctx.Error.WriteLine("--long goes with --exam (kit quiz --exam --long)."); return Task.FromResult(2); }
            return parse.GetValue(exam)
                ? ExamAsync(ctx, parse.GetValue(topic), parse.GetValue(longForm) ? ExamForm.LongPractice : ExamForm.Domain2Block,
                    parse.GetValue(count), parse.GetValue(minutes), parse.GetValue(seed), ct)
                : PracticeAsync(ctx, parse.GetValue(topic), parse.GetValue(count) ?? DefaultPracticeCount, ct);
        }));
        return command;
    }

    public static async Task<int> PracticeAsync(StudyContext ctx, string? topic, int count, CancellationToken ct = default)
    {
        var c = ctx.Console;
        if (ctx.RejectUnknownTopic(topic, out var chosen) is { } rejected) return rejected;
        if (count < 1) { ctx.Error.WriteLine("--count must be at least 1."); return 2; }
        var pool = chosen?.AllQuestions ?? ctx.AllQuestions;
        var report = ctx.Report();
        var questions = report.PracticeOrder(pool, q => q.Id).Take(count).Select(q => AnswerPipeline.Shown(q, ctx.ShuffleSeed)).ToList();

        c.MarkupLine($"[bold]Practice: {Markup.Escape(chosen?.Title ?? "every topic")}[/] — {questions.Count} question(s), due and weakest first.");
        if (!ProgressStore.Enabled) c.MarkupLine("[grey]KIT_PROGRESS=off: answers are not recorded.[/]");
        int right = 0, n = 0;
        string? lastCase = null;
        foreach (var q in questions)
        {
            var state = report.StateOf(q.Id);
            var where = state is null ? "new" : $"box {state.Box}{(state.IsDue(report.Now) ? ", due" : "")}";
            AnswerPrompts.Show(c, q, $"{++n}/{questions.Count} · {q.Topic} · {where}", ref lastCase);
            var response = await AnswerPrompts.AskAsync(c, q, ct);
            var (feedback, recorded) = ctx.Submit(q.Id, ctx.ShuffleSeed, response, AnswerSource.Terminal);
            AnswerPrompts.ShowFeedback(c, feedback);
            if (feedback.Correct) right++;
            if (recorded)
            {
                int box = Leitner.Next(state?.Box ?? Leitner.FirstBox, feedback.Correct);
                c.MarkupLine($"[grey]Box {box} of {Leitner.LastBox}: next review in {Days(Leitner.Interval(box))}.[/]");
            }
        }
        c.WriteLine();
        c.MarkupLine($"[bold]{right} of {questions.Count} right.[/] [grey]`kit progress` shows your mastery and what to revisit.[/]");
        return 0;
    }

    static string Days(TimeSpan t) => t.TotalDays == 1 ? "1 day" : $"{t.TotalDays:0} days";

    public static async Task<int> ExamAsync(StudyContext ctx, string? topic, ExamForm form, int? count, double? minutes, int? seed, CancellationToken ct = default)
    {
        var c = ctx.Console;
        if (ctx.RejectUnknownTopic(topic, out var chosen) is { } rejected) return rejected;
        if (count < 1) { ctx.Error.WriteLine("--count must be at least 1."); return 2; }
        if (minutes is <= 0) { ctx.Error.WriteLine("--minutes must be more than 0."); return 2; }
        int s = seed ?? Random.Shared.Next(1, 1_000_000);
        var pool = chosen is null ? ctx.AllQuestions : chosen.AllQuestions;
        var questions = ExamDraw.Draw(pool, count ?? form.Questions, s, ExamDraw.GuideWeights(ctx.Bank));
        var limit = minutes is { } m ? TimeSpan.FromMinutes(m) : count is null ? form.Time : TimeSpan.FromMinutes(MinutesPerQuestion * questions.Count);
        var session = new ExamSession(questions, limit, s, ctx.Clock);

        c.MarkupLine($"[bold]{Markup.Escape(form.Name)}[/]: {questions.Count} questions from {questions.Select(q => q.Topic).Distinct().Count()} topic(s), " +
                     $"{limit.TotalMinutes:0.#} minutes, seed {s}. Answer, skip, go back or flag questions; the review screen lists what is open. " +
                     $"No feedback until you submit; pass mark {Pct(ExamForm.PassMark)} (720 of 1000).");
        if (questions.Count < (count ?? form.Questions)) c.MarkupLine($"[grey]The bank has only {questions.Count} question(s) to draw from.[/]");
        return await ExamRun.RunAsync(ctx, session, ct);
    }

    /// <summary>"75%": invariant P0 would write "75 %".</summary>
    internal static string Pct(double fraction) => $"{Math.Round(100 * fraction).ToString(CultureInfo.InvariantCulture)}%";
}
