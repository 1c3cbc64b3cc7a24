using System.CommandLine;
using System.Globalization;
using Kit.Charts;
using Kit.Progress;
using Spectre.Console;

namespace Kit.Cli.Study;

/// <summary><c>kit progress</c>: mastery per topic, a chart of it, and what to revisit.</summary>
internal static class ProgressCommand
{
    public static Command Create(Func<StudyContext>? context = null)
    {
        var html = new Option<string?>("--html") { Description = "Also write a page with a Kit chart of mastery and accuracy per topic" };
        var command = new Command("progress", "Shows mastery per topic (from every recorded answer), a chart, and the questions and topics to revisit.") { html };
        command.SetAction((parse, _) => StudyContext.Run(context, ctx => Task.FromResult(Run(ctx, parse.GetValue(html)))));
        return command;
    }

    public static int Run(StudyContext ctx, string? htmlPath)
    {
        var c = ctx.Console;
        var report = ctx.Report();
        // Not a terminal (a file, a pipe): plain lines, never cut at the console's width.
        void Say(string markup)
        {
            if (ctx.Plain) c.Profile.Out.Writer.WriteLine(Markup.Remove(markup));
            else c.MarkupLine(markup);
        }
        Say($"[bold]Progress[/] [grey]({Markup.Escape(ctx.Store.Path)}; {report.Answers.Count} answers recorded" +
            $"{(ProgressStore.Enabled ? "" : "; recording is off: KIT_PROGRESS=off")})[/]");

        var rows = report.Topics.Select(t => new[]
        {
            t.Topic,
            $"{t.Seen}/{t.Questions} seen",
            t.Answered.ToString(CultureInfo.InvariantCulture),
            t.Answered == 0 ? "—" : Pct(t.Accuracy),
            t.LastSeen is { } seen ? Ago(report.Now - seen) : "never",
            t.Due.ToString(CultureInfo.InvariantCulture),
        }).ToList();
        string[] header = ["Topic", "Questions", "Answered", "Accuracy", "Last seen", "Due", "Mastery"];
        if (ctx.Plain)
            PlainTable(c.Profile.Out.Writer, header, rows.Select((r, i) => (string[])[.. r, Pct(report.Topics[i].Mastery)]).ToList());
        else
        {
            var table = new Table().AddColumn(new TableColumn(header[0]).NoWrap()).AddColumns(header[1..^1]).AddColumn(new TableColumn(header[^1]).NoWrap());
            for (int i = 0; i < rows.Count; i++)
                table.AddRow([.. rows[i].Select(Markup.Escape), Bar(report.Topics[i].Mastery)]);
            c.Write(table);
        }

        if (report.Topics.Count > 0 && !ctx.Plain)
        {
            var chart = new BarChart().Label("[bold]Mastery per topic (%)[/]").WithMaxValue(100).Width(Math.Min(100, Math.Max(40, c.Profile.Width)));
            foreach (var t in report.Topics)
                chart.AddItem(t.Topic, Math.Round(100 * t.Mastery), t.Mastery >= 0.75 ? Color.Green : t.Mastery >= 0.25 ? Color.Yellow : Color.Red);
            c.Write(chart);
        }

        Say("");
        Say("[bold]What to revisit[/]");
        if (report.Answers.Count == 0)
            Say("  Nothing answered yet: start with [bold]kit quiz[/] (or answer the quizzes in the notebooks).");
        if (report.DueQuestions.Count > 0)
        {
            Say($"  Due now ({report.DueQuestions.Count}):");
            foreach (var s in report.DueQuestions.Take(10))
                Say($"    {Markup.Escape(s.QuestionId)} [grey]({Markup.Escape(s.Topic)}, box {s.Box}, " +
                    $"{(s.LastCorrect ? "last right" : "last wrong")}, due {Ago(report.Now - s.Due)})[/]");
            if (report.DueQuestions.Count > 10) Say($"    … and {report.DueQuestions.Count - 10} more");
        }
        else if (report.Answers.Count > 0)
            Say("  No question is due now.");
        var weakest = report.WeakestTopics.Take(3).ToList();
        if (weakest.Count > 0)
            Say("  Weakest topics: " + string.Join(", ", weakest.Select(t => $"{Markup.Escape(t.Topic)} ({Pct(t.Mastery)})")) +
                $" — [bold]kit quiz {Markup.Escape(weakest[0].Topic)}[/]");

        if (htmlPath is not null)
        {
            var full = Path.GetFullPath(htmlPath);
            Chart(report).SaveHtml(full);
            Say($"Chart written to [bold]{Markup.Escape(full)}[/]");
        }
        return 0;
    }

    /// <summary>Mastery and accuracy per topic, as a Kit chart (offline plotly).</summary>
    public static Figure Chart(ProgressReport report)
    {
        var topics = report.Topics.Select(t => t.Topic).ToArray();
        return new Figure()
            .AddTrace(new { type = "bar", name = "mastery (Leitner)", x = topics, y = report.Topics.Select(t => Math.Round(100 * t.Mastery, 1)).ToArray() })
            .AddTrace(new { type = "bar", name = "accuracy", x = topics, y = report.Topics.Select(t => Math.Round(100 * t.Accuracy, 1)).ToArray() })
            .WithTitle($"Progress per topic ({report.Answers.Count} answers)")
            .WithAxisTitles("topic", "%")
            .WithLayout(new { barmode = "group", yaxis = new { range = new[] { 0, 100 } } });
    }

    /// <summary>Columns padded to their widest cell, two spaces apart: as wide as the content needs, whatever the console's width.</summary>
    static void PlainTable(TextWriter w, string[] header, IReadOnlyList<string[]> rows)
    {
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Prepend(h.Length).Max()).ToArray();
        foreach (var row in rows.Prepend(header))
            w.WriteLine(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
    }

    static string Pct(double fraction) => QuizCommand.Pct(fraction);

    static string Bar(double mastery)
    {
        int filled = (int)Math.Round(10 * Math.Clamp(mastery, 0, 1));
        var colour = mastery >= 0.75 ? "green" : mastery >= 0.25 ? "yellow" : "red";
        return $"[{colour}]{new string('█', filled)}[/][grey]{new string('░', 10 - filled)}[/] {Pct(mastery)}";
    }

    static string Ago(TimeSpan t) =>
        t < TimeSpan.FromMinutes(1) ? "just now"
        : t < TimeSpan.FromHours(1) ? $"{(int)t.TotalMinutes} min ago"
        : t < TimeSpan.FromDays(1) ? $"{(int)t.TotalHours} h ago"
        : $"{(int)t.TotalDays} d ago";
}
