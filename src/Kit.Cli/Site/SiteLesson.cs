using System.Text.Json.Nodes;
using Kit.Cli.Run;

namespace Kit.Cli.Site;

/// <summary>One lesson of the site: what its first cell says about it, and how its executed copy went.</summary>
internal sealed record SiteLesson(string Name, string Title, string? GuideLine, string Section, NotebookFile? Executed)
{
    public const string GuidePrefix = "**Study guide:**";

    public string Page => Name + ".html";
    public int Charts => Count("class=\"kit-chart\"");
    public int Quizzes => Count("class=\"kit-quiz\"");

    /// <summary>Every code cell ran (has an execution count) and none shows an error.</summary>
    public bool RanClean => Executed is not null && Executed.CodeCells.All(c =>
        c.Json["execution_count"] is not null && !Outputs(c).Any(o => (string?)o["output_type"] == "error"));

    public string Status
    {
        get
        {
            if (Executed is null) return "not run yet";
            var cells = Executed.CodeCells.ToList();
            var ran = cells.Count(c => c.Json["execution_count"] is not null);
            var failed = cells.FindIndex(c => Outputs(c).Any(o => (string?)o["output_type"] == "error"));
            return failed >= 0 ? $"ran {ran}/{cells.Count} code cells; cell {failed + 1} failed" : $"ran {ran}/{cells.Count} code cells";
        }
    }

    int Count(string marker) => Executed?.CodeCells.Sum(c => Outputs(c).Sum(o => Occurrences(NotebookFile.JoinText(o["data"]?["text/html"]), marker))) ?? 0;

    static IEnumerable<JsonObject> Outputs(NotebookCell c) => (c.Json["outputs"] as JsonArray)?.OfType<JsonObject>() ?? [];

    static int Occurrences(string text, string marker)
    {
        int n = 0;
        for (int i = text.IndexOf(marker, StringComparison.Ordinal); i >= 0; i = text.IndexOf(marker, i + marker.Length, StringComparison.Ordinal)) n++;
        return n;
    }

    /// <summary>Reads the lesson from its executed copy when there is one, else from its source notebook.</summary>
    public static SiteLesson Read(string name, NotebookFile? executed, NotebookFile? source)
    {
        var first = (executed ?? source)?.Cells.FirstOrDefault(c => c.Type == "markdown")?.Source ?? "";
        var lines = first.Split('\n').Select(l => l.Trim()).ToList();
        var title = lines.FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal))?[2..].Trim() ?? name;
        var guide = lines.FirstOrDefault(l => l.StartsWith(GuidePrefix, StringComparison.Ordinal))?[GuidePrefix.Length..].Trim();
        return new SiteLesson(name, title, guide, GuideSections.Of(guide?.Replace("*", "")), executed);
    }
}
