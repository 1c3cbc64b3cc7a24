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
        var exam = new Option<bool>("--exam") { Description = $"Exam simulation, Domain 2 block: MLA-C02 {ExamForm.Domain2Block.Questions} questions in {ExamForm.Domain2Block.Time.TotalMinutes:0} minutes (Domain 2 is 24% of the exam; MLA-C01 17 in 34), drawn by the study guide's topic weights; flag, skip, go back, review, then a scored report" };
        var version = new Option<string?>("--version") { Description = $"Exam version to draw from: C02 (in use from 29 Sep 2026; the default with --exam) or C01 (until 28 Sep 2026). Practice draws from every question unless it is given" };
        var longForm = new Option<bool>("--long") { Description = $"With --exam: long practice at the real exam's length and pace, {ExamForm.LongPractice.Questions} questions in {ExamForm.LongPractice.Time.TotalMinutes:0} minutes" };
        var minutes = new Option<double?>("--minutes") { Description = $"Exam time limit (default: the form's; with --count, {MinutesPerQuestion} minutes a question)" };
        var seed = new Option<int?>("--seed") { Description = "Exam: seed of the draw (the same seed draws the same exam)" };
        var command = new Command("quiz", "Self-check in the terminal: practise a topic (weakest and most due first) or sit a timed exam simulation. Answers are recorded in ~/.kit/progress.db.")
        {
            topic, count, exam, longForm, minutes, seed, version,
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
            string? v = null;
            if (parse.GetValue(version) is { } given)
                try { v = ExamVersions.Parse(given, "--version"); }
                catch (ArgumentException e) { ctx.Error.WriteLine(e.Message.Replace(" (Parameter '--version')", "")); return Task.FromResult(2); }
            if (!parse.GetValue(exam))
                return PracticeAsync(ctx, parse.GetValue(topic), parse.GetValue(count) ?? DefaultPracticeCount, ct, v);
            v ??= ExamVersions.Default;
            return ExamAsync(ctx, parse.GetValue(topic), parse.GetValue(longForm) ? ExamForm.LongPractice : ExamForm.Domain2BlockFor(v),
                parse.GetValue(count), parse.GetValue(minutes), parse.GetValue(seed), ct, v);
        }));
        return command;
    }

    public static async Task<int> PracticeAsync(StudyContext ctx, string? topic, int count, CancellationToken ct = default, string? version = null)
    {
        var c = ctx.Console;
        if (ctx.RejectUnknownTopic(topic, out var chosen) is { } rejected) return rejected;
        if (count < 1) { ctx.Error.WriteLine("--count must be at least 1."); return 2; }
        var pool = chosen?.AllQuestions ?? ctx.AllQuestions;
        if (version is not null) pool = ExamVersions.For(pool, version).ToList();
        var report = ctx.Report();
        var questions = report.PracticeOrder(pool, q => q.Id).Take(count).Select(q => AnswerPipeline.Shown(q, ctx.ShuffleSeed)).ToList();

        c.MarkupLine($"[bold]Practice: {Markup.Escape(chosen?.Title ?? "every topic")}[/]{(version is null ? "" : $" (MLA-{version})")} — {questions.Count} question(s), due and weakest first.");
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

    public static async Task<int> ExamAsync(StudyContext ctx, string? topic, ExamForm form, int? count, double? minutes, int? seed, CancellationToken ct = default,
        string version = ExamVersions.Default)
    {
        var c = ctx.Console;
        if (ctx.RejectUnknownTopic(topic, out var chosen) is { } rejected) return rejected;
        if (count < 1) { ctx.Error.WriteLine("--count must be at least 1."); return 2; }
        if (minutes is <= 0) { ctx.Error.WriteLine("--minutes must be more than 0."); return 2; }
        int s = seed ?? Random.Shared.Next(1, 1_000_000);
        var pool = ExamVersions.For(chosen is null ? ctx.AllQuestions : chosen.AllQuestions, version).ToList();
        if (pool.Count == 0) { ctx.Error.WriteLine($"Topic '{chosen!.Topic}' has no MLA-{version} questions; try --version {(version == ExamVersions.C01 ? ExamVersions.C02 : ExamVersions.C01)}."); return 2; }
        var questions = ExamDraw.Draw(pool, count ?? form.Questions, s, ExamDraw.VersionWeights(ctx.Bank, version));
        var limit = minutes is { } m ? TimeSpan.FromMinutes(m) : count is null ? form.Time : TimeSpan.FromMinutes(MinutesPerQuestion * questions.Count);
        var session = new ExamSession(questions, limit, s, ctx.Clock);

        c.MarkupLine($"[bold]MLA-{version}[/] · {Markup.Escape(ExamVersions.Domain2Name(version))}, Domain 2: {Pct(ExamVersions.Domain2Share(version))} of the exam's {ExamForm.ExamQuestions} questions.");
        c.MarkupLine($"[bold]{Markup.Escape(form.Name)}[/]: {questions.Count} questions from {questions.Select(q => q.Topic).Distinct().Count()} topic(s), " +
                     $"{limit.TotalMinutes:0.#} minutes, seed {s}. Answer, skip, go back or flag questions; the review screen lists what is open. " +
                     $"No feedback until you submit; pass mark {Pct(ExamForm.PassMark)} (720 of 1000).");
        if (questions.Count < (count ?? form.Questions)) c.MarkupLine($"[grey]The bank has only {questions.Count} question(s) to draw from.[/]");
        return await ExamRun.RunAsync(ctx, session, ct, version);
    }

    /// <summary>"75%": invariant P0 would write "75 %".</summary>
    internal static string Pct(double fraction) => $"{Math.Round(100 * fraction).ToString(CultureInfo.InvariantCulture)}%";
}
