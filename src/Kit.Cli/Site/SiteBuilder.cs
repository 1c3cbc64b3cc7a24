using System.Net;
using System.Text;
using Kit.Charts;
using Kit.Cli.Run;
using Markdig;

namespace Kit.Cli.Site;

/// <summary>
/// <c>kit site</c>'s work: every executed lesson as a page (<see cref="StaticPage"/> with the site's navigation), an
/// index by study-guide section, and plotly.js once in assets/. Written into a temporary folder next to the target
/// and renamed into place, so a reader never sees half a site.
/// </summary>
internal static class SiteBuilder
{
    public const string Marker = ".kit-site";
    public const string PlotlyAsset = "assets/plotly.min.js";

    public sealed record Result(IReadOnlyList<SiteLesson> Lessons, string OutDir);

    /// <summary>The lessons: every executed notebook in <paramref name="executedDir"/>, plus (as "not run yet") every source notebook without one.</summary>
    public static List<SiteLesson> Collect(string executedDir, string? sourceDir)
    {
        var executed = Directory.GetFiles(executedDir, "*.ipynb").ToDictionary(p => Path.GetFileNameWithoutExtension(p), StringComparer.Ordinal);
        var sources = sourceDir is not null && Directory.Exists(sourceDir)
            ? Directory.GetFiles(sourceDir, "*.ipynb").ToDictionary(p => Path.GetFileNameWithoutExtension(p), StringComparer.Ordinal)
            : [];
        return executed.Keys.Union(sources.Keys).Order(StringComparer.Ordinal)
            .Select(name => SiteLesson.Read(name,
                executed.TryGetValue(name, out var e) ? Load(e) : null,
                sources.TryGetValue(name, out var s) ? Load(s) : null))
            .ToList();
    }

    static NotebookFile Load(string path)
    {
        try { return NotebookFile.Load(path); }
        catch (NotebookException e) { throw new NotebookException($"{path}: {e.Message}"); }
    }

    public static void Write(IReadOnlyList<SiteLesson> lessons, string outDir)
    {
        outDir = Path.GetFullPath(outDir.TrimEnd('/', '\\'));
        var parent = Path.GetDirectoryName(outDir)!;
        Directory.CreateDirectory(parent);
        var temp = Path.Combine(parent, $".{Path.GetFileName(outDir)}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(Path.Combine(temp, "assets"));
            File.WriteAllText(Path.Combine(temp, PlotlyAsset), $"/* plotly.js {PlotlyJs.Version} ({PlotlyJs.Package}), shipped with the Kit */\n" + PlotlyJs.Source);
            File.WriteAllText(Path.Combine(temp, Marker), "Written by `kit site`; the next `kit site` replaces this folder.\n");
            var shown = lessons.Where(l => l.Executed is not null).ToList();
            for (int i = 0; i < shown.Count; i++)
                File.WriteAllText(Path.Combine(temp, shown[i].Page), LessonPage(shown[i], i > 0 ? shown[i - 1] : null, i + 1 < shown.Count ? shown[i + 1] : null));
            File.WriteAllText(Path.Combine(temp, "index.html"), Index(lessons));
            Replace(outDir, temp);
        }
        finally
        {
            if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
        }
    }

    /// <summary>Swaps the new site in: the old one is moved aside first, then removed.</summary>
    static void Replace(string outDir, string temp)
    {
        string? old = null;
        if (Directory.Exists(outDir))
        {
            old = Path.Combine(Path.GetDirectoryName(outDir)!, $".{Path.GetFileName(outDir)}.{Guid.NewGuid():N}.old");
            Directory.Move(outDir, old);
        }
        Directory.Move(temp, outDir);
        if (old is not null) Directory.Delete(old, recursive: true);
    }

    /// <summary>Why <paramref name="outDir"/> cannot take the site (it holds something else), or null.</summary>
    public static string? Refusal(string outDir)
    {
        if (File.Exists(outDir)) return $"--out {outDir} is a file; expected a folder for the site.";
        if (!Directory.Exists(outDir) || !Directory.EnumerateFileSystemEntries(outDir).Any() || File.Exists(Path.Combine(outDir, Marker))) return null;
        return $"--out {outDir} already holds files that `kit site` did not write; choose an empty or new folder (the site replaces the folder's contents).";
    }

    const string NavStyle = """
        <style>
        nav.site { display: flex; gap: 1rem; flex-wrap: wrap; font-size: 14px; padding: .5rem 0 1rem; border-bottom: 1px solid #ddd; margin-bottom: 1rem; }
        nav.site .section { color: #666; }
        nav.site .next { margin-left: auto; }
        </style>
        """;

    static string LessonPage(SiteLesson lesson, SiteLesson? previous, SiteLesson? next)
    {
        var top = new StringBuilder("<nav class=\"site\">");
        top.Append("<a href=\"index.html\">All lessons</a>");
        top.Append($"<span class=\"section\">{E(lesson.Section)}</span>");
        if (previous is not null) top.Append($"<a class=\"previous\" href=\"{E(previous.Page)}\">← {E(previous.Title)}</a>");
        if (next is not null) top.Append($"<a class=\"next\" href=\"{E(next.Page)}\">{E(next.Title)} →</a>");
        top.Append("</nav>\n");
        var head = $"<script src=\"{PlotlyAsset}\"></script>\n{NavStyle}";
        var html = StaticPage.Render(lesson.Executed!, lesson.Status, lesson.RanClean, new StaticPage.Frame(lesson.Title, head, top.ToString()));
        // The setup cell's output carries plotly.js; the site loads it once from assets/ instead.
        return html.Replace(PlotlyJs.ScriptTag(), "", StringComparison.Ordinal);
    }

    const string IndexStyle = """
        body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; line-height: 1.45; }
        h2 { margin-top: 2rem; border-bottom: 1px solid #ddd; padding-bottom: .25rem; }
        li { margin: .6rem 0; }
        .guide, .facts { font-size: 14px; color: #555; }
        .failed { color: #a01010; } .missing { color: #888; }
        code { background: #f6f8fa; padding: 0 .2rem; }
        """;

    static string Index(IReadOnlyList<SiteLesson> lessons)
    {
        var html = new StringBuilder();
        html.Append($"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>The Kit — MLA-C01 Domain 2 lessons</title>\n<style>\n{IndexStyle}</style>\n</head>\n<body>\n");
        html.Append("<h1>The Kit — MLA-C01 Domain 2 lessons</h1>\n");
        html.Append("<p>Every lesson as it ran, by section of the study guide (Domain 2, <em>Train, refine and analyze model performance</em>). ")
            .Append("The pages need no network: charts are interactive, and the quizzes grade your answers in the page. ")
            .Append("A page cannot save to your progress; each answer shows the <code>kit quiz answer …</code> line that records it.</p>\n");
        foreach (var group in lessons.GroupBy(l => l.Section).OrderBy(g => GuideSections.Rank(g.Key)))
        {
            html.Append($"<h2>{E(group.Key)}</h2>\n<ul>\n");
            foreach (var l in group)
            {
                html.Append("<li>");
                if (l.Executed is null)
                    html.Append($"<span class=\"missing\">{E(l.Title)}: not run yet (<code>kit run notebooks/{E(l.Name)}.ipynb</code>, then <code>kit site</code>)</span>");
                else
                {
                    html.Append($"<a href=\"{E(l.Page)}\">{E(l.Title)}</a>");
                    if (l.GuideLine is { } guide) html.Append($"<div class=\"guide\">Study guide: {Inline(guide)}</div>");
                    var facts = $"{Count(l.Charts, "chart")} · {Count(l.Quizzes, "quiz", "quizzes")} · {l.Status}";
                    html.Append($"<div class=\"facts{(l.RanClean ? "" : " failed")}\">{E(facts)}</div>");
                }
                html.Append("</li>\n");
            }
            html.Append("</ul>\n");
        }
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    static string Count(int n, string one, string? many = null) => $"{n} {(n == 1 ? one : many ?? one + "s")}";

    static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().DisableHtml().Build();

    /// <summary>One line of markdown as inline HTML (Markdig escapes any raw text).</summary>
    static string Inline(string markdown)
    {
        var html = Markdig.Markdown.ToHtml(markdown, Markdown).Trim();
        return html.StartsWith("<p>", StringComparison.Ordinal) && html.EndsWith("</p>", StringComparison.Ordinal) ? html[3..^4] : html;
    }

    static string E(string s) => WebUtility.HtmlEncode(s);
}
