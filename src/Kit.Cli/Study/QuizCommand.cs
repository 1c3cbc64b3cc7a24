using System.CommandLine;
using System.Globalization;
using Kit.Progress;
using Kit.Quizzes;
using Spectre.Console;

namespace Kit.Cli.Study;

/// <summary><c>kit quiz [topic]</c>: practice, weakest and most due first; <c>kit quiz --exam</c>: a timed exam simulation.</summary>
internal static class QuizCommand
{
    public const int DefaultPracticeCount = 10;
    public const int DefaultExamCount = 20;
    public const int MinutesPerQuestion = 2;
    /// <summary>The exam's pass mark, 720 of a scaled 1000.</summary>
    public const double PassMark = 0.72;

    public static Command Create(Func<StudyContext>? context = null)
    {
        var topic = new Argument<string?>("topic") { Description = "A topic of the question bank (default: every topic)", Arity = ArgumentArity.ZeroOrOne };
        var count = new Option<int?>("--count") { Description = $"How many questions (default {DefaultPracticeCount}; {DefaultExamCount} with --exam)" };
        var exam = new Option<bool>("--exam") { Description = "Exam simulation: questions across topics, timed, no feedback until the end, then a scored report" };
        var minutes = new Option<double?>("--minutes") { Description = $"Exam time limit (default {MinutesPerQuestion} minutes a question)" };
        var seed = new Option<int?>("--seed") { Description = "Exam: seed of the draw (the same seed draws the same exam)" };
        var command = new Command("quiz", "Self-check in the terminal: practise a topic (weakest and most due first) or sit a timed exam simulation. Answers are recorded in ~/.kit/progress.db.")
        {
            topic, count, exam, minutes, seed,
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
            return parse.GetValue(exam)
                ? ExamAsync(ctx, parse.GetValue(topic), parse.GetValue(count) ?? DefaultExamCount, parse.GetValue(minutes), parse.GetValue(seed), ct)
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

    public static async Task<int> ExamAsync(StudyContext ctx, string? topic, int count, double? minutes, int? seed, CancellationToken ct = default)
    {
        var c = ctx.Console;
        if (ctx.RejectUnknownTopic(topic, out var chosen) is { } rejected) return rejected;
        if (count < 1) { ctx.Error.WriteLine("--count must be at least 1."); return 2; }
        if (minutes is <= 0) { ctx.Error.WriteLine("--minutes must be more than 0."); return 2; }
        int s = seed ?? Random.Shared.Next(1, 1_000_000);
        var pool = chosen is null ? ctx.AllQuestions : chosen.AllQuestions;
        var questions = ExamDraw.Draw(pool, count, s);
        var limit = TimeSpan.FromMinutes(minutes ?? MinutesPerQuestion * questions.Count);

        c.MarkupLine($"[bold]Exam simulation[/]: {questions.Count} questions from {questions.Select(q => q.Topic).Distinct().Count()} topic(s), " +
                     $"{limit.TotalMinutes:0.#} minutes, seed {s}. No feedback until the end; pass mark {Pct(PassMark)} (720 of 1000).");
        if (questions.Count < count) c.MarkupLine($"[grey]The bank has only {questions.Count} question(s) to draw from.[/]");
        var deadline = ctx.Clock.GetUtcNow() + limit;
        var answers = new IReadOnlyList<string>?[questions.Count];
        bool timedOut = false;
        string? lastCase = null;
        for (int i = 0; i < questions.Count; i++)
        {
            var left = deadline - ctx.Clock.GetUtcNow();
            if (left <= TimeSpan.Zero) { timedOut = true; break; }
            AnswerPrompts.Show(c, questions[i], $"Question {i + 1}/{questions.Count} · {Clock(left)} left", ref lastCase);
            using var timer = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var ask = AnswerPrompts.AskAsync(c, questions[i], timer.Token);
            var expiry = Task.Delay(left, ctx.Clock, timer.Token);
            if (await Task.WhenAny(ask, expiry) != ask) { await timer.CancelAsync(); timedOut = true; break; }
            await timer.CancelAsync();
            answers[i] = await ask;
        }
        if (timedOut) { c.WriteLine(); c.MarkupLine("[yellow bold]Time is up.[/] The exam ends here; what you answered is graded."); }
        Report(ctx, questions, answers, s);
        return 0;
    }

    /// <summary>"75%": invariant P0 would write "75 %".</summary>
    internal static string Pct(double fraction) => $"{Math.Round(100 * fraction).ToString(CultureInfo.InvariantCulture)}%";

    static string Clock(TimeSpan t) => $"{(int)t.TotalMinutes}:{t.Seconds:00}";

    static void Report(StudyContext ctx, IReadOnlyList<Question> questions, IReadOnlyList<IReadOnlyList<string>?> answers, int seed)
    {
        var c = ctx.Console;
        var feedback = questions.Select((q, i) => answers[i] is { } a ? ctx.Submit(q.Id, seed, a, AnswerSource.Exam).Feedback : null).ToList();

        c.WriteLine();
        c.Write(new Rule("[bold]Exam report[/]").LeftJustified());
        for (int i = 0; i < questions.Count; i++)
        {
            var q = questions[i];
            var f = feedback[i];
            var mark = f is null ? "[yellow]not answered[/]" : f.Correct ? "[green]right[/]" : "[red]wrong[/]";
            c.MarkupLine($"[bold]{i + 1}. {Markup.Escape(q.Id)}[/] [grey]({Markup.Escape(q.Topic)})[/] {mark}" +
                         $"{(f is null ? "" : $" — your answer: {Markup.Escape(string.Join(", ", f.Response))}")}");
            if (f is null)
            {
                c.MarkupLine($"  {Markup.Escape(q.Prompt)}");
                continue;
            }
            if (!f.Correct) c.MarkupLine($"  {Markup.Escape(f.Expected)}");
            foreach (var e in f.Explanations) c.MarkupLine($"  [grey]{Markup.Escape(e)}[/]");
        }

        var table = new Table().Title("Score by topic").AddColumns("Topic", "Right", "Asked", "Score");
        foreach (var g in questions.Select((q, i) => (q.Topic, Right: feedback[i]?.Correct == true)).GroupBy(x => x.Topic).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            int r = g.Count(x => x.Right);
            table.AddRow(Markup.Escape(g.Key), r.ToString(CultureInfo.InvariantCulture), g.Count().ToString(CultureInfo.InvariantCulture),
                Pct((double)r / g.Count()));
        }
        c.Write(table);

        int right = feedback.Count(f => f?.Correct == true);
        double fraction = questions.Count == 0 ? 0 : (double)right / questions.Count;
        int scaled = (int)Math.Round(1000 * fraction);
        bool pass = fraction >= PassMark;
        c.MarkupLine($"[bold]Score: {right}/{questions.Count} ({Pct(fraction)}), about {scaled}/1000 scaled.[/] " +
                     $"Pass mark: {Pct(PassMark)} (720/1000) — {(pass ? "[green bold]PASS[/]" : "[red bold]NOT YET[/]")}");
        c.MarkupLine("[grey]The real exam scales scores per form, so this is a rough guide. `kit progress` shows what to revisit.[/]");
    }
}

/// <summary>An exam's questions: drawn across topics in turn (stratified), seeded, options shuffled with the same seed.</summary>
internal static class ExamDraw
{
    public static IReadOnlyList<Question> Draw(IEnumerable<Question> pool, int count, int seed)
    {
        var rng = new Random(seed);
        var byTopic = pool.GroupBy(q => q.Topic).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Queue<Question>(g.OrderBy(_ => rng.Next())))
            .OrderBy(_ => rng.Next())
            .ToList();
        var drawn = new List<Question>();
        while (drawn.Count < count && byTopic.Any(t => t.Count > 0))
            foreach (var t in byTopic)
                if (drawn.Count < count && t.TryDequeue(out var q)) drawn.Add(q);
        return drawn.OrderBy(_ => rng.Next()).Select(q => AnswerPipeline.Shown(q, seed)).ToList();
    }
}
