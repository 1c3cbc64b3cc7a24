using System.Net;
using System.Text;

namespace Kit.Quizzes;

/// <summary>
/// Renders a quiz as one self-contained HTML fragment: its own CSS and a small inline script, no external
/// file or font. All question text is HTML-encoded, so text from a bank file can never inject markup.
/// Feedback is immediate; each question can be retried; options are buttons, so Tab/Enter work.
/// </summary>
public static class QuizHtml
{
    public static string Render(Quiz quiz)
    {
        var id = $"kq-{Guid.NewGuid():N}"[..15];
        var sb = new StringBuilder();
        sb.Append($"<div class=\"kit-quiz\" id=\"{id}\" data-topic=\"{E(quiz.Topic.Topic)}\">");
        sb.Append("<style>").Append(Css(id)).Append("</style>");
        sb.Append($"<div class=\"kq-head\"><span class=\"kq-title\">Self-check: {E(quiz.Topic.Title)}</span>");
        sb.Append($"<span class=\"kq-score\" aria-live=\"polite\">0 / {quiz.Questions.Count} correct</span></div>");
        int n = 0;
        foreach (var q in quiz.Questions)
        {
            n++;
            sb.Append($"<div class=\"kq-q\" data-id=\"{E(q.Id)}\" data-answer=\"{E(string.Join(",", q.Answer))}\">");
            sb.Append($"<div class=\"kq-prompt\"><span class=\"kq-n\">{n}.</span> {E(q.Prompt)} <span class=\"kq-meta\">[{E(q.Id)} · {E(q.Difficulty)}]</span></div>");
            sb.Append("<div class=\"kq-opts\" role=\"group\">");
            foreach (var o in q.Options)
                sb.Append($"<button type=\"button\" class=\"kq-opt\" data-key=\"{E(o.Key)}\"><b>{E(o.Key)}.</b> {E(o.Text)}</button>");
            sb.Append("</div>");
            foreach (var o in q.Options)
            {
                bool right = q.Answer.Contains(o.Key, StringComparer.OrdinalIgnoreCase);
                sb.Append($"<div class=\"kq-expl {(right ? "kq-right" : "kq-wrong")}\" data-for=\"{E(o.Key)}\" hidden><b>{E(o.Key)} {(right ? "✓ correct" : "✗ not this one")}:</b> {E(o.Explanation)}</div>");
            }
            if (q.Tip is not null) sb.Append($"<div class=\"kq-tip\" hidden><b>Exam tip:</b> {E(q.Tip)}</div>");
            sb.Append("<button type=\"button\" class=\"kq-retry\" hidden>Try again</button></div>");
        }
        sb.Append("<div class=\"kq-foot\">Answer in code too: <code>quiz.Answer(\"").Append(E(quiz.Questions[0].Id)).Append("\", \"A\")</code></div>");
        sb.Append("<script>").Append(Script(id)).Append("</script></div>");
        return sb.ToString();
    }

    static string E(string s) => WebUtility.HtmlEncode(s);

    static string Css(string id) => $$"""
        #{{id}}{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;font-size:14px;line-height:1.45;color:inherit;max-width:900px;border:1px solid rgba(128,128,128,.45);border-radius:8px;padding:12px 16px;margin:8px 0}
        #{{id}} .kq-head{display:flex;justify-content:space-between;font-weight:600;margin-bottom:8px}
        #{{id}} .kq-q{border-top:1px solid rgba(128,128,128,.3);padding:10px 0}
        #{{id}} .kq-meta{opacity:.6;font-size:12px}
        #{{id}} .kq-opts{display:flex;flex-direction:column;gap:4px;margin:6px 0}
        #{{id}} .kq-opt{text-align:left;font:inherit;color:inherit;background:rgba(128,128,128,.10);border:1px solid rgba(128,128,128,.45);border-radius:6px;padding:6px 10px;cursor:pointer}
        #{{id}} .kq-opt:hover,#{{id}} .kq-opt:focus{outline:2px solid rgba(70,130,230,.8)}
        #{{id}} .kq-opt[disabled]{cursor:default}
        #{{id}} .kq-opt.kq-chosen-right{background:rgba(40,170,80,.25);border-color:rgba(40,170,80,.9)}
        #{{id}} .kq-opt.kq-chosen-wrong{background:rgba(220,60,60,.22);border-color:rgba(220,60,60,.9)}
        #{{id}} .kq-opt.kq-is-answer{border-width:2px;border-color:rgba(40,170,80,.9)}
        #{{id}} .kq-expl,#{{id}} .kq-tip{margin:4px 0;padding:6px 10px;border-radius:6px;border-left:4px solid rgba(128,128,128,.6);background:rgba(128,128,128,.08)}
        #{{id}} .kq-expl.kq-right{border-left-color:rgba(40,170,80,.9)}
        #{{id}} .kq-expl.kq-wrong{border-left-color:rgba(220,60,60,.9)}
        #{{id}} .kq-retry{font:inherit;color:inherit;background:none;border:1px solid rgba(128,128,128,.6);border-radius:6px;padding:2px 10px;cursor:pointer}
        #{{id}} .kq-foot{opacity:.7;font-size:12px;margin-top:6px}
        """;

    static string Script(string id) => $$"""
        (function(){
          var root=document.getElementById('{{id}}'); if(!root){return;}
          var total=root.querySelectorAll('.kq-q').length;
          function score(){var c=root.querySelectorAll('.kq-q[data-result="right"]').length;root.querySelector('.kq-score').textContent=c+' / '+total+' correct';}
          root.querySelectorAll('.kq-q').forEach(function(q){
            var answer=q.getAttribute('data-answer').split(',');
            var opts=q.querySelectorAll('.kq-opt');
            opts.forEach(function(b){
              b.addEventListener('click',function(){
                var key=b.getAttribute('data-key'); var right=answer.indexOf(key)>=0;
                b.classList.add(right?'kq-chosen-right':'kq-chosen-wrong');
                opts.forEach(function(o){o.disabled=true; if(answer.indexOf(o.getAttribute('data-key'))>=0){o.classList.add('kq-is-answer');} });
                q.querySelectorAll('.kq-expl').forEach(function(e){var k=e.getAttribute('data-for'); e.hidden=!(k===key||answer.indexOf(k)>=0);});
                var tip=q.querySelector('.kq-tip'); if(tip){tip.hidden=false;}
                q.setAttribute('data-result',right?'right':'wrong');
                q.querySelector('.kq-retry').hidden=false; score();
              });
            });
            q.querySelector('.kq-retry').addEventListener('click',function(){
              opts.forEach(function(o){o.disabled=false;o.classList.remove('kq-chosen-right','kq-chosen-wrong','kq-is-answer');});
              q.querySelectorAll('.kq-expl,.kq-tip').forEach(function(e){e.hidden=true;});
              q.removeAttribute('data-result'); this.hidden=true; score(); opts[0].focus();
            });
          });
        })();
        """;
}
