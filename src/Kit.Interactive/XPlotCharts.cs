using Kit.Charts;

namespace Kit.Interactive;

/// <summary>XPlot.Plotly charts drawn by the Kit's offline plotly.js instead of XPlot's CDN page.</summary>
public static class XPlotCharts
{
    public static string ToHtml(XPlot.Plotly.PlotlyChart chart)
    {
        // XPlot writes "var data = …; var layout = …; Plotly.newPlot(…)". Keep its JSON, draw it our way.
        var js = chart.GetInlineJS();
        var data = Between(js, "var data = ", ";");
        var layout = Between(js, "var layout = ", ";") ?? "{}";
        if (data is null) throw new InvalidOperationException("Could not read the traces of this XPlot chart.");
        return ChartHtml.Render(data, layout);
    }

    static string? Between(string text, string start, string end)
    {
        int i = text.IndexOf(start, StringComparison.Ordinal);
        if (i < 0) return null;
        i += start.Length;
        int j = text.IndexOf(end, i, StringComparison.Ordinal);
        return j < 0 ? null : text[i..j].Trim();
    }
}
