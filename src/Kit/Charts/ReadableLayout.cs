using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Kit.Charts;

/// <summary>
/// Defaults every chart gets on its way to the page (Kit figures and other libraries' charts alike), so that the
/// plotly toolbar (mode bar, top right) never covers the end of a long title.
/// </summary>
public static partial class ReadableLayout
{
    /// <summary>Longest title line: at 17 px it stays clear of the trimmed toolbar on an 800 px wide chart.</summary>
    public const int MaxTitleChars = 56;

    /// <summary>The toolbar keeps download, zoom, pan and reset; the selection and step-zoom buttons made it twice as wide.</summary>
    public static readonly string[] RemovedButtons = ["select2d", "lasso2d", "zoomIn2d", "zoomOut2d", "autoScale2d"];

    /// <summary>Pixels one more title line takes (17 px font, line spacing included).</summary>
    public const int TitleLineHeight = 24;

    /// <summary>The least height of a plot area, in pixels, between the top and bottom margins: bars and lines stay readable.</summary>
    public const int MinPlotHeight = 220;

    /// <summary>
    /// The chart height with at least <see cref="MinPlotHeight"/> pixels left for the plot once the top and bottom margins
    /// (plotly's defaults 100 and 80 where the layout sets none) are taken: a 280 px chart kept a 95 px plot area.
    /// </summary>
    public static int ReadableHeight(string layoutJson, int height)
    {
        if (JsonNode.Parse(layoutJson) is not JsonObject layout) return height;
        // Pictures drawn to scale (image grids) take the height their width gives them; more would only add blank space.
        if (layout.Any(p => (p.Key.StartsWith("xaxis", StringComparison.Ordinal) || p.Key.StartsWith("yaxis", StringComparison.Ordinal)) && p.Value is JsonObject axis && axis["scaleanchor"] is not null)) return height;
        var margin = layout["margin"] as JsonObject;
        double Side(string key, double fallback) => margin?[key] is JsonValue v && v.TryGetValue(out double d) ? d : fallback;
        return Math.Max(height, (int)Math.Ceiling(Side("t", 100) + Side("b", 80)) + MinPlotHeight);
    }

    /// <summary>How many lines <see cref="Layout"/>'s wrapping adds to this layout's title (0 when it fits on its lines).</summary>
    public static int AddedTitleLines(string layoutJson)
    {
        // Another library's layout need not be a JSON object (XPlot's failed here).
        var title = JsonNode.Parse(layoutJson) is JsonObject layout ? layout["title"] : null;
        var node = title is JsonObject t ? t["text"] : title;
        if (node is not JsonValue v || !v.TryGetValue(out string? text)) return 0;
        return Lines(Wrap(text)) - Lines(text);
    }

    static int Lines(string title) => LineBreak().Split(title).Length;

    public static string Layout(string layoutJson)
    {
        if (JsonNode.Parse(layoutJson) is not JsonObject layout) return layoutJson;
        var title = layout["title"];
        if (title is JsonValue plain && plain.TryGetValue(out string? text)) layout["title"] = title = new JsonObject { ["text"] = text };
        if (title is JsonObject t && t["text"] is JsonValue v && v.TryGetValue(out string? s))
        {
            var wrapped = Wrap(s);
            var added = Lines(wrapped) - Lines(s);
            t["text"] = wrapped;
            // Room for the added lines comes from a taller top margin, set here rather than by plotly's automargin: its
            // second layout pass left heatmap images one row off their axis labels (lesson 08's fold charts).
            if (added > 0)
            {
                var margin = layout["margin"] as JsonObject ?? new JsonObject();
                layout["margin"] = margin;
                var top = margin["t"] is JsonValue tv && tv.TryGetValue(out double d) ? d : 100;
                margin["t"] = top + TitleLineHeight * added;
            }
            // Just above the plot area, the margin growing to fit every line: clear of the toolbar at the top edge.
            if (t["y"] is null && t["yref"] is null)
            {
                t["yref"] = "paper";
                t["y"] = 1;
                t["yanchor"] = "bottom";
                // plotly anchors a multi-line title by its first line and writes the rest below it: lift it by the added lines.
                t["pad"] ??= new JsonObject { ["b"] = 12 + TitleLineHeight * (Lines(wrapped) - 1) };
            }
        }
        return layout.ToJsonString();
    }

    public static string Config(string? configJson)
    {
        var config = JsonNode.Parse(string.IsNullOrWhiteSpace(configJson) ? "{}" : configJson) as JsonObject ?? [];
        config["modeBarButtonsToRemove"] ??= new JsonArray(RemovedButtons.Select(b => (JsonNode?)b).ToArray());
        return config.ToJsonString();
    }

    /// <summary>Breaks each plain line longer than <see cref="MaxTitleChars"/> at spaces; lines with markup (a &lt;sub&gt; status) stay whole.</summary>
    public static string Wrap(string title) =>
        string.Join("<br>", LineBreak().Split(title).Select(line => line.Contains('<') ? line : WrapLine(line)));

    static string WrapLine(string line)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var word in line.Split(' '))
        {
            if (current.Length > 0 && current.Length + 1 + word.Length > MaxTitleChars)
            {
                lines.Add(current);
                current = word;
            }
            else current = current.Length == 0 ? word : current + " " + word;
        }
        lines.Add(current);
        return string.Join("<br>", lines);
    }

    [GeneratedRegex("<br\\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreak();
}
