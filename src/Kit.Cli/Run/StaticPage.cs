using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kit.Runtime;
using Markdig;

namespace Kit.Cli.Run;

/// <summary>
/// A static HTML page of an executed notebook, to read its results in a browser: markdown rendered, code in
/// &lt;pre&gt;, HTML outputs inlined as they are (charts included), text escaped, errors shown.
/// </summary>
internal static partial class StaticPage
{
    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    private const string Style = """
        body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
        .status { padding: .5rem .75rem; border-radius: 4px; margin-bottom: 1.5rem; }
        .status.ok { background: #e7f5e9; } .status.failed { background: #fdecea; }
        .cell { margin: 1rem 0; }
        .prompt { color: #888; font: 12px monospace; }
        pre { margin: .25rem 0; padding: .5rem; overflow-x: auto; font-size: 13px; }
        pre.code { background: #f6f8fa; border-left: 3px solid #4a7bd0; }
        pre.stderr { background: #fff5e6; }
        pre.error { background: #fdecea; color: #a01010; }
        .cut { background: #fff3c4; color: #6b4e00; font-style: italic; }
        .output { margin-left: 1rem; overflow-x: auto; }
        .output pre { white-space: pre-wrap; overflow-wrap: anywhere; }   /* printed results wrap instead of hiding off the page */
        """;

    public static void Save(NotebookFile notebook, string path, string status, bool ok) =>
        KitPaths.WriteAtomically(path, Render(notebook, status, ok));

    /// <summary>What a page around the notebook adds (the static site's navigation): its title, and HTML for the head and the top of the body.</summary>
    public sealed record Frame(string Title, string Head, string Top);

    public static string Render(NotebookFile notebook, string status, bool ok, Frame? frame = null)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append($"<title>{E(frame?.Title ?? notebook.Name)}</title>\n<style>\n{Style}</style>\n{frame?.Head}</head>\n<body>\n{frame?.Top}");
        html.Append($"<div class=\"status {(ok ? "ok" : "failed")}\">{E(notebook.Name)}: {E(status)}</div>\n");
        foreach (var cell in notebook.Cells)
        {
            switch (cell.Type)
            {
                case "markdown":
                    html.Append("<div class=\"cell markdown\">\n").Append(Markdig.Markdown.ToHtml(cell.Source, Markdown)).Append("</div>\n");
                    break;
                case "code":
                    var count = cell.Json["execution_count"]?.ToString();
                    html.Append("<div class=\"cell code\">\n");
                    html.Append($"<div class=\"prompt\">In [{(string.IsNullOrEmpty(count) ? " " : E(count))}]:</div>\n");
                    html.Append($"<pre class=\"code\"><code>{E(cell.Source)}</code></pre>\n");
                    if (cell.Json["outputs"] is JsonArray outputs)
                        foreach (var output in outputs.OfType<JsonObject>()) AppendOutput(html, output);
                    html.Append("</div>\n");
                    break;
                default:
                    html.Append($"<pre class=\"raw\">{E(cell.Source)}</pre>\n");
                    break;
            }
        }
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendOutput(StringBuilder html, JsonObject output)
    {
        html.Append("<div class=\"output\">");
        switch ((string?)output["output_type"])
        {
            case "stream":
                var name = (string?)output["name"] == "stderr" ? "stderr" : "stdout";
                var text = CutMarker().Replace(E(NotebookFile.JoinText(output["text"])), "<span class=\"cut\">$0</span>");
                html.Append($"<pre class=\"{name}\">{text}</pre>");
                break;
            case "error":
                var trace = output["traceback"] is JsonArray t ? string.Join("\n", t.Select(l => (string?)l)) : "";
                if (trace.Length == 0) trace = $"{output["ename"]}: {output["evalue"]}";
                html.Append($"<pre class=\"error\">{E(Ansi().Replace(trace, ""))}</pre>");
                break;
            default:
                if (output["data"] is JsonObject data) html.Append(RenderData(data));
                break;
        }
        html.Append("</div>\n");
    }

    /// <summary>The richest form a browser can show, as Jupyter picks it.</summary>
    private static string RenderData(JsonObject data)
    {
        string? Text(string mime) => data[mime] switch
        {
            null => null,
            JsonObject o => o.ToJsonString(),
            JsonArray a when mime.EndsWith("json", StringComparison.Ordinal) => a.ToJsonString(),
            var node => NotebookFile.JoinText(node),
        };

        if (Text("text/html") is { } h) return h;
        if (Text("image/svg+xml") is { } svg) return svg;
        foreach (var mime in new[] { "image/png", "image/jpeg", "image/gif" })
            if (Text(mime) is { } b64) return $"<img src=\"data:{mime};base64,{E(b64.Replace("\n", ""))}\" alt=\"\">";
        if (Text("text/markdown") is { } md) return Markdig.Markdown.ToHtml(md, Markdown);
        if (Text("text/plain") is { } plain) return $"<pre>{E(plain)}</pre>";
        if (Text("application/json") is { } json) return $"<pre>{E(json)}</pre>";
        var first = data.FirstOrDefault();
        return first.Value is null ? "" : $"<pre>{E(first.Key)}: {E(first.Value.ToJsonString())}</pre>";
    }

    private static string E(string? s) => WebUtility.HtmlEncode(s ?? "");

    [GeneratedRegex(@"\x1b\[[0-9;]*[A-Za-z]")]
    private static partial Regex Ansi();

    /// <summary>The line <see cref="StreamCap"/> puts where it left output out, after HTML encoding.</summary>
    [GeneratedRegex(@"^\[kit run: [^\n]*", RegexOptions.Multiline)]
    private static partial Regex CutMarker();
}
