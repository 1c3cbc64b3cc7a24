using System.Globalization;
using System.Net;
using System.Text;
using Kit.Charts;
using Kit.Progress;
using Kit.Quizzes;

namespace Kit.Cli.Study;

/// <summary>The page <c>kit class report</c> writes: Kit charts (plotly.js inlined, so it opens offline) and tables.</summary>
internal static class ClassReportPage
{
    public const int MostMissedShown = 10;

    public static string Render(ClassReport report, IReadOnlyList<QuizTopic> bank, string folder, IReadOnlyList<string> skipped)
    {
        var prompts = bank.SelectMany(t => t.AllQuestions).DistinctBy(q => q.Id).ToDictionary(q => q.Id, q => q.Prompt, StringComparer.OrdinalIgnoreCase);
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $$"""
            <style>body{font-family:sans-serif;max-width:1100px;margin:1em auto;padding:0 1em} table{border-collapse:collapse}
            td,th{border:1px solid #ccc;padding:3px 8px;text-align:left} .behind{color:#b00;font-weight:bold}</style>
            <h1>Class report</h1>
            <p>{{report.StudentNames.Count}} students from <code>{{E(folder)}}</code>, {{report.Reports.Sum(r => r.Answers.Count)}} answers;
            made {{report.Now.UtcDateTime:yyyy-MM-dd HH:mm}} UTC. Mastery is the Leitner measure of <code>kit progress</code>: each question
            counts (box − 1) / 4, averaged over the topic's questions in the bank.</p>

            """);
        if (skipped.Count > 0)
            body.Append("<p class=\"behind\">Not read (left as they are):</p><ul>").AppendJoin("", skipped.Select(m => $"<li>{E(m)}</li>")).Append("</ul>\n");

        body.Append("<h2>Mastery per topic</h2>\n");
        body.Append(MasteryChart(report).ToHtml()).Append(MasteryHeatmap(report).ToHtml());

        body.Append("<h2>Questions most missed</h2>\n");
        var missed = report.MostMissed.Take(MostMissedShown).ToList();
        if (missed.Count == 0) body.Append("<p>No wrong answers yet.</p>\n");
        else
        {
            body.Append(MissedChart(missed).ToHtml());
            body.Append("<table><tr><th>question</th><th>topic</th><th>students who missed it</th><th>wrong answers</th><th>prompt</th></tr>\n");
            foreach (var m in missed)
                body.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(m.QuestionId)}</td><td>{E(m.Topic)}</td><td>{m.StudentsMissed} of {m.StudentsAnswered}</td>" +
                            $"<td>{m.WrongAnswers} of {m.Answers} ({QuizCommand.Pct(m.WrongRate)})</td><td>{E(prompts.GetValueOrDefault(m.QuestionId, ""))}</td></tr>\n");
            body.Append("</table>\n");
        }

        var days = report.BehindAfter.TotalDays.ToString("0.##", CultureInfo.InvariantCulture);
        body.Append(CultureInfo.InvariantCulture, $"<h2>Spaced repetition: who is behind</h2>\n<p>Behind: a review due for more than {days} day(s).</p>\n");
        body.Append(ReviewChart(report).ToHtml());
        body.Append("<table><tr><th>student</th><th>answers</th><th>last answer</th><th>due now</th><th>overdue</th><th>mastery</th><th></th></tr>\n");
        foreach (var s in report.Standings)
            body.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(s.Name)}</td><td>{s.Answers}</td><td>{(s.LastAnswer is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "never")}</td>" +
                        $"<td>{s.Due}</td><td>{s.Overdue}</td><td>{QuizCommand.Pct(s.Mastery)}</td><td>{(s.Behind ? "<span class=\"behind\">behind</span>" : s.Answers == 0 ? "not started" : "")}</td></tr>\n");
        body.Append("</table>\n");
        return ChartHtml.Page("Class report", body.ToString());
    }

    static double Pct(double fraction) => Math.Round(100 * fraction, 1);

    static Figure MasteryChart(ClassReport r) => new Figure()
        .AddTrace(new { type = "bar", name = "class average", x = r.Topics, y = r.ClassMastery.Select(Pct).ToArray() })
        .AddTrace(new { type = "scatter", mode = "markers", name = "lowest student", x = r.Topics, y = r.Topics.Select((_, t) => Pct(r.Mastery.Min(m => m[t]))).ToArray() })
        .WithTitle($"Mastery per topic across {r.StudentNames.Count} students")
        .WithAxisTitles("topic", "mastery %")
        .WithLayout(new { yaxis = new { range = new[] { 0, 100 } } });

    static Figure MasteryHeatmap(ClassReport r) => new Figure()
        .AddTrace(new
        {
            type = "heatmap", x = r.Topics, y = r.StudentNames, z = r.Mastery.Select(m => m.Select(Pct).ToArray()).ToArray(),
            zmin = 0, zmax = 100, colorscale = "Blues", colorbar = new { title = new { text = "%" } },
        })
        .WithTitle("Mastery per student and topic")
        .WithAxisTitles("topic", "student")
        .WithSize(Math.Max(300, 120 + 28 * r.StudentNames.Count));

    static Figure MissedChart(IReadOnlyList<QuestionMisses> missed) => new Figure()
        .AddTrace(new { type = "bar", orientation = "h", name = "students who missed it", y = missed.Select(m => m.QuestionId).Reverse().ToArray(), x = missed.Select(m => m.StudentsMissed).Reverse().ToArray() })
        .WithTitle($"The {missed.Count} questions most missed")
        .WithAxisTitles("students who answered it wrong at least once", "question")
        .WithSize(Math.Max(300, 120 + 28 * missed.Count));

    static Figure ReviewChart(ClassReport r)
    {
        var names = r.Standings.Select(s => s.Name).ToArray();
        return new Figure()
            .AddTrace(new { type = "bar", name = "overdue", x = names, y = r.Standings.Select(s => s.Overdue).ToArray(), marker = new { color = "#c0392b" } })
            .AddTrace(new { type = "bar", name = "due, within the grace period", x = names, y = r.Standings.Select(s => s.Due - s.Overdue).ToArray(), marker = new { color = "#f1c40f" } })
            .WithTitle("Reviews waiting per student")
            .WithAxisTitles("student", "questions")
            .WithLayout(new { barmode = "stack" });
    }

    static string E(string s) => WebUtility.HtmlEncode(s);
}
