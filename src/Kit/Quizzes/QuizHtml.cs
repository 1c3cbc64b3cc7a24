using System.Globalization;
using System.Net;
using System.Text;

namespace Kit.Quizzes;

/// <summary>
/// Renders a quiz as one self-contained HTML fragment: its own CSS and a small inline script, no external
/// file or font. Every text from the bank is HTML-encoded, so a question can never inject markup or script.
/// Immediate feedback with explanations, a score, retry; buttons, selects and inputs, so it works by keyboard.
/// </summary>
public static class QuizHtml
{
    /// <param name="sendToKernel">
    /// The host's transport, as a JavaScript function that takes one line of C# (and the quiz element), runs it in the
    /// notebook's kernel and returns a promise of the kernel's reply, or null where this page cannot reach a kernel
    /// (the widget then shows the line to run by hand); null itself: the widget only grades in the page.
    /// </param>
    public static string Render(Quiz quiz, string? sendToKernel = null)
    {
        ArgumentNullException.ThrowIfNull(quiz);
        var id = $"kq-{Guid.NewGuid():N}"[..15];
        var sb = new StringBuilder();
        sb.Append($"<div class=\"kit-quiz\" id=\"{id}\" data-topic=\"{E(quiz.Topic)}\" data-seed=\"{(quiz.ShuffleSeed is { } seed ? seed.ToString(CultureInfo.InvariantCulture) : "null")}\">");
        sb.Append("<style>").Append(QuizAssets.Css(id)).Append("</style>");
        sb.Append($"<div class=\"kq-head\"><span class=\"kq-title\">Self-check: {E(quiz.Title)}</span>");
        sb.Append($"<span class=\"kq-score\" aria-live=\"polite\">0 / {quiz.Questions.Count} correct</span></div>");
        string? currentCase = null;
        int n = 0;
        foreach (var q in quiz.Questions)
        {
            if (q.CaseStudy is { } cs && cs.Id != currentCase)
                sb.Append($"<div class=\"kq-case\"><div class=\"kq-case-title\">Case study: {E(cs.Title)}</div><div>{E(cs.Scenario)}</div></div>");
            currentCase = q.CaseStudy?.Id;
            Question(sb, q, ++n);
        }
        sb.Append("<div class=\"kq-foot\">Answer in code too: <code>")
          .Append(E($"Quiz.For(\"{quiz.Topic}\").Answer(\"{quiz.Questions[0].Id}\", …)"))
          .Append("</code></div>");
        sb.Append("<script>").Append(QuizAssets.Script(id, sendToKernel)).Append("</script></div>");
        return sb.ToString();
    }

    static void Question(StringBuilder sb, Question q, int n)
    {
        var type = q.Type.ToString().ToLowerInvariant();
        sb.Append($"<div class=\"kq-q\" data-id=\"{E(q.Id)}\" data-type=\"{type}\" data-answer=\"{E(string.Join(",", q.Answer))}\"");
        if (q.Type == QuestionType.Numeric)
            sb.Append($" data-value=\"{q.Value!.Value.ToString("R", CultureInfo.InvariantCulture)}\" data-tol=\"{q.Tolerance!.Value.ToString("R", CultureInfo.InvariantCulture)}\"");
        if (q.Type == QuestionType.Multiple) sb.Append($" data-choose=\"{q.Choose}\"");
        sb.Append('>');
        sb.Append($"<div class=\"kq-prompt\"><span class=\"kq-n\">{n}.</span> {E(q.Prompt)} <span class=\"kq-meta\">[{E(q.Id)} · {E(q.Difficulty)}{(q.Scenario ? " · scenario" : "")}]</span></div>");
        switch (q.Type)
        {
            case QuestionType.Single:
            case QuestionType.Multiple:
                if (q.Type == QuestionType.Multiple) sb.Append($"<div class=\"kq-hint\">Choose {q.Choose}.</div>");
                sb.Append("<div class=\"kq-opts\" role=\"group\">");
                foreach (var o in q.Options)
                    sb.Append($"<button type=\"button\" class=\"kq-opt\" aria-pressed=\"false\" data-key=\"{E(o.Key)}\"><b>{E(o.Key)}.</b> {E(o.Text)}</button>");
                sb.Append("</div>");
                foreach (var o in q.Options)
                {
                    bool right = q.Answer.Contains(o.Key, StringComparer.OrdinalIgnoreCase);
                    sb.Append($"<div class=\"kq-expl {(right ? "kq-right" : "kq-wrong")}\" data-for=\"{E(o.Key)}\" hidden><b>{E(o.Key)} {(right ? "✓ correct" : "✗ not this one")}:</b> {E(o.Explanation)}</div>");
                }
                break;
            case QuestionType.Ordering:
                sb.Append("<div class=\"kq-hint\">Put the steps in order (use ↑ and ↓).</div><ol class=\"kq-order\">");
                foreach (var o in q.Options)
                    sb.Append($"<li data-key=\"{E(o.Key)}\"><span class=\"kq-item\"><b>{E(o.Key)}.</b> {E(o.Text)}</span> " +
                              $"<button type=\"button\" class=\"kq-up\" aria-label=\"move {E(o.Key)} up\">↑</button>" +
                              $"<button type=\"button\" class=\"kq-down\" aria-label=\"move {E(o.Key)} down\">↓</button></li>");
                sb.Append("</ol>");
                sb.Append("<div class=\"kq-expl kq-all\" hidden><b>The right order:</b><ol>");
                foreach (var k in q.Answer) { var o = q.OptionFor(k)!; sb.Append($"<li><b>{E(o.Key)}.</b> {E(o.Text)} — {E(o.Explanation)}</li>"); }
                sb.Append("</ol></div>");
                break;
            case QuestionType.Matching:
                sb.Append("<table class=\"kq-match\">");
                foreach (var item in q.Items)
                {
                    sb.Append($"<tr><td><b>{E(item.Key)}.</b> {E(item.Text)}</td><td><select data-item=\"{E(item.Key)}\" aria-label=\"match for {E(item.Key)}\"><option value=\"\">—</option>");
                    foreach (var o in q.Options) sb.Append($"<option value=\"{E(o.Key)}\">{E(o.Key)}. {E(o.Text)}</option>");
                    sb.Append("</select></td></tr>");
                }
                sb.Append("</table><div class=\"kq-expl kq-all\" hidden><b>The matches:</b><ul>");
                var pairs = q.Pairs;
                foreach (var item in q.Items)
                {
                    var o = q.OptionFor(pairs[item.Key])!;
                    sb.Append($"<li><b>{E(item.Key)} → {E(o.Key)}</b> ({E(o.Text)}): {E(item.Explanation)}</li>");
                }
                sb.Append("</ul></div>");
                break;
            case QuestionType.Numeric:
                sb.Append("<div class=\"kq-numrow\"><input type=\"text\" class=\"kq-num\" inputmode=\"decimal\" aria-label=\"your answer\" placeholder=\"your answer\"></div>");
                sb.Append($"<div class=\"kq-expl kq-all\" hidden><b>Answer: {E(q.Value!.Value.ToString("G6", CultureInfo.InvariantCulture))}</b> (± {E(q.Tolerance!.Value.ToString(CultureInfo.InvariantCulture))}). {E(q.Solution ?? "")}</div>");
                break;
        }
        if (q.Type != QuestionType.Single) sb.Append("<button type=\"button\" class=\"kq-check\">Check</button>");
        sb.Append("<div class=\"kq-msg\" aria-live=\"polite\"></div>");
        sb.Append("<div class=\"kq-save\" aria-live=\"polite\" hidden></div>");
        if (q.Tip is not null) sb.Append($"<div class=\"kq-tip\" hidden><b>Exam tip:</b> {E(q.Tip)}</div>");
        sb.Append("<button type=\"button\" class=\"kq-retry\" hidden>Try again</button></div>");
    }

    static string E(string s) => WebUtility.HtmlEncode(s);
}
