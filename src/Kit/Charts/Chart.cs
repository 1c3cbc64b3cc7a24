namespace Kit.Charts;

/// <summary>Short-hands for the figures the lessons draw most.</summary>
public static class Chart
{
    public static Figure Line(IEnumerable<double> x, IEnumerable<double> y, string? name = null) =>
        new Figure().AddTrace(new { type = "scatter", mode = "lines", x = x.ToArray(), y = y.ToArray(), name });

    public static Figure Scatter(IEnumerable<double> x, IEnumerable<double> y, string? name = null, IEnumerable<double>? color = null) =>
        new Figure().AddTrace(new
        {
            type = "scatter", mode = "markers", x = x.ToArray(), y = y.ToArray(), name,
            marker = color is null ? null : new { color = color.ToArray(), colorscale = "RdBu", size = 6 },
        });

    public static Figure Bar(IEnumerable<string> x, IEnumerable<double> y, string? name = null) =>
        new Figure().AddTrace(new { type = "bar", x = x.ToArray(), y = y.ToArray(), name });

    public static Figure Contour(double[][] z, IEnumerable<double> x, IEnumerable<double> y, string colorscale = "RdBu", bool showScale = true) =>
        new Figure().AddTrace(new { type = "contour", z, x = x.ToArray(), y = y.ToArray(), colorscale, showscale = showScale, opacity = 0.6 });

    /// <summary>Adds a line trace to an existing figure.</summary>
    public static Figure AddLine(this Figure figure, IEnumerable<double> x, IEnumerable<double> y, string? name = null, string? dash = null) =>
        figure.AddTrace(new { type = "scatter", mode = "lines", x = x.ToArray(), y = y.ToArray(), name, line = dash is null ? null : new { dash } });

    public static Figure AddScatter(this Figure figure, IEnumerable<double> x, IEnumerable<double> y, string? name = null, IEnumerable<double>? color = null) =>
        figure.AddTrace(new
        {
            type = "scatter", mode = "markers", x = x.ToArray(), y = y.ToArray(), name,
            marker = color is null ? null : new { color = color.ToArray(), colorscale = "RdBu", size = 6, line = new { width = 0.5, color = "#333" } },
        });
}
