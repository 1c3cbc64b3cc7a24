using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kit.Charts;
using Kit.Runtime;

namespace Kit.Cli.Run;

/// <summary>
/// One page with every chart of every executed lesson in a folder, each labelled lesson · chart N · In [cell], drawn
/// at the width a lesson page gives it, two to a row: a reader looks over all the charts at once, and the layout
/// check in tests/Kit.Browser.Tests screenshots it.
/// </summary>
internal static partial class ContactSheet
{
    public const string FileName = "contact-sheet.html";

    /// <summary>Width of a chart's output on a lesson page (60rem page, 1rem padding and output indent).</summary>
    public const int ChartWidth = 928;

    public sealed record Chart(string Lesson, int Number, int Cell, string Html);

    /// <summary>The charts of an executed notebook, in page order: each rich output holding a Kit chart, numbered from 1.</summary>
    public static IReadOnlyList<Chart> Charts(NotebookFile notebook)
    {
        var charts = new List<Chart>();
        foreach (var cell in notebook.CodeCells)
        {
            var count = (int?)cell.Json["execution_count"] ?? 0;
            foreach (var output in (cell.Json["outputs"] as JsonArray ?? []).OfType<JsonObject>())
            {
                if (output["data"] is not JsonObject data || data["text/html"] is not { } node) continue;
                var html = NotebookFile.JoinText(node);
                foreach (Match _ in ChartDiv().Matches(html))
                    charts.Add(new Chart(notebook.Name, charts.Count + 1, count, html));
            }
        }
        return charts;
    }

    /// <summary>Writes the sheet for every executed notebook (.ipynb) in <paramref name="notebooksDir"/>; returns how many charts it holds.</summary>
    public static int Save(string notebooksDir, string path)
    {
        var lessons = Directory.GetFiles(notebooksDir, "*.ipynb").Order(StringComparer.Ordinal).Select(NotebookFile.Load).ToList();
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Kit contact sheet</title>\n");
        html.Append($$"""
            <style>
            body { font-family: system-ui, sans-serif; margin: 1rem; color: #222; }
            .sheet { display: grid; grid-template-columns: repeat(2, {{ChartWidth}}px); gap: 1rem; }
            .chart { border: 1px solid #ccc; padding: 4px; }
            .label { font: 13px monospace; color: #555; margin-bottom: 4px; }
            </style>
            """);
        html.Append('\n').Append(PlotlyJs.ScriptTag()).Append("\n</head>\n<body>\n");
        var total = 0;
        foreach (var lesson in lessons)
        {
            var charts = Charts(lesson);
            total += charts.Count;
            html.Append($"<section class=\"lesson\" data-lesson=\"{E(lesson.Name)}\" data-charts=\"{charts.Count}\">\n<h2>{E(lesson.Name)}: {charts.Count} chart(s)</h2>\n<div class=\"sheet\">\n");
            // An output with several charts is shown once, under the label of its first.
            foreach (var chart in charts.Where((c, i) => i == 0 || !ReferenceEquals(c.Html, charts[i - 1].Html)))
            {
                var numbers = charts.Where(c => ReferenceEquals(c.Html, chart.Html)).Select(c => c.Number).ToList();
                var label = $"{lesson.Name} · chart {string.Join(", ", numbers)} · In [{chart.Cell}]";
                html.Append($"<div class=\"chart\" data-label=\"{E(label)}\"><div class=\"label\">{E(label)}</div>\n{chart.Html}\n</div>\n");
            }
            html.Append("</div>\n</section>\n");
        }
        html.Append("</body>\n</html>\n");
        KitPaths.WriteAtomically(path, html.ToString());
        return total;
    }

    static string E(string s) => WebUtility.HtmlEncode(s);

    [GeneratedRegex("<div id=\"kit-chart-[^\"]*\" class=\"kit-chart\"")]
    private static partial Regex ChartDiv();
}
