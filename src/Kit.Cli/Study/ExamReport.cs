using System.Globalization;
using Kit.Progress;
using Kit.Quizzes;
using Spectre.Console;

namespace Kit.Cli.Study;

/// <summary>After the exam: every question's verdict, the missed ones explained, the score per topic and overall, and what to practise.</summary>
internal static class ExamReport
{
    public static void Show(StudyContext ctx, ExamResult result, int seed, string version = ExamVersions.Default)
    {
        var c = ctx.Console;
        c.WriteLine();
        c.Write(new Rule($"[bold]Exam report[/] · MLA-{version}").LeftJustified());
        for (int i = 0; i < result.Questions.Count; i++)
        {
            var (q, f) = (result.Questions[i], result.Feedback[i]);
            var mark = !result.Answered[i] ? "[yellow]not answered[/]" : f.Correct ? "[green]right[/]" : "[red]wrong[/]";
            c.MarkupLine($"[bold]{i + 1}. {Markup.Escape(q.Id)}[/] [grey]({Markup.Escape(q.Topic)})[/] {mark}" +
                         $"{(result.Answered[i] ? $" — your answer: {Markup.Escape(string.Join(", ", f.Response))}" : "")}");
            if (f.Correct) continue;
            if (!result.Answered[i]) c.MarkupLine($"  {Markup.Escape(q.Prompt)}");
            c.MarkupLine($"  {Markup.Escape(f.Expected)}");
            foreach (var e in f.Explanations) c.MarkupLine($"  [grey]{Markup.Escape(e)}[/]");
            if (q.Tip is { } tip) c.MarkupLine($"  [blue]Exam tip:[/] {Markup.Escape(tip)}");
        }

        var table = new Table().Title("Score by topic").AddColumns("Topic", "Right", "Asked", "Score");
        foreach (var t in result.ByTopic)
            table.AddRow(Markup.Escape(t.Topic), t.Right.ToString(CultureInfo.InvariantCulture), t.Asked.ToString(CultureInfo.InvariantCulture), QuizCommand.Pct(t.Fraction));
        c.Write(table);

        c.MarkupLine($"[bold]Score: {result.Right}/{result.Questions.Count} ({QuizCommand.Pct(result.Fraction)}), about {result.Scaled}/1000 scaled.[/] " +
                     $"Pass mark: {QuizCommand.Pct(ExamForm.PassMark)} (720/1000) — {(result.Passed ? "[green bold]PASS[/]" : "[red bold]NOT YET[/]")}");
        if (result.Weakest.Count > 0)
        {
            var weakest = string.Join(", ", result.Weakest.Take(3).Select(t => $"{t.Topic} ({QuizCommand.Pct(t.Fraction)})"));
            c.MarkupLine($"Weakest topics: {Markup.Escape(weakest)}. `kit quiz {Markup.Escape(result.Weakest[0].Topic)}` practises the weakest one.");
        }
        c.MarkupLine(ProgressStore.Enabled
            ? $"[grey]{result.Missed.Count} missed question(s) went into your practice queue (box 1, due tomorrow); `kit quiz` asks them first. Seed {seed} sits this exam again.[/]"
            : $"[grey]KIT_PROGRESS=off: nothing was recorded. Seed {seed} sits this exam again.[/]");
        c.MarkupLine($"[grey]On MLA-{version} Domain 2 is {QuizCommand.Pct(ExamVersions.Domain2Share(version))} of the scored questions, this block practises that part alone, and the real exam scales scores per form, so this is a rough guide.[/]");
    }
}
