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

    /// <summary>Bars labelled with their values (<paramref name="valueFormat"/> is a d3 format: ".3~g", ".1%", ",d").</summary>
    public static Figure Bar(IEnumerable<string> x, IEnumerable<double> y, string? name = null, string valueFormat = ".3~g") =>
        new Figure().AddBar(x, y, name, valueFormat);

    /// <summary>Adds bars labelled with their values, written above each bar (outside the plot area when need be, never clipped).</summary>
    public static Figure AddBar(this Figure figure, IEnumerable<string> x, IEnumerable<double> y, string? name = null, string valueFormat = ".3~g") =>
        figure.AddTrace(new { type = "bar", x = x.ToArray(), y = y.ToArray(), name, texttemplate = $"%{{y:{valueFormat}}}", textposition = "outside", cliponaxis = false });

    /// <summary>
    /// A log axis when the axis's values span a decade or more, ticked 1, 2, 5, 10, 20… and labelled in full ("0.5", "20");
    /// a linear axis otherwise (a log axis over 2–9 only reads "2 3 4 5 6 7 8 9"). <paramref name="axis"/> is "x" or "y".
    /// </summary>
    public static Figure WithLogAxis(this Figure figure, string axis = "x")
    {
        if (axis is not ("x" or "y")) throw new ArgumentException($"axis must be \"x\" or \"y\", not \"{axis}\".", nameof(axis));
        var values = figure.Data.OfType<System.Text.Json.Nodes.JsonObject>()
            .Where(t => t[axis == "x" ? "xaxis" : "yaxis"] is null)
            .SelectMany(t => t[axis] as System.Text.Json.Nodes.JsonArray ?? [])
            .Select(v => v is System.Text.Json.Nodes.JsonValue j && j.TryGetValue(out double d) ? d : double.NaN).ToList();
        if (!Ticks.SpansDecades(values))
            return figure.WithLayout(new System.Text.Json.Nodes.JsonObject { [axis + "axis"] = new System.Text.Json.Nodes.JsonObject { ["type"] = "linear" } });
        var ticks = Ticks.OneTwoFive(values);
        // Over many decades 1-2-5 crowds the axis: powers of ten only.
        if (ticks.Length > 8) ticks = ticks.Where(t => Math.Abs(Math.Log10(t) - Math.Round(Math.Log10(t))) < 1e-9).ToArray();
        var settings = new System.Text.Json.Nodes.JsonObject { ["type"] = "log", ["tickmode"] = "array", ["tickvals"] = Figure.ToNode(ticks), ["tickformat"] = "~g" };
        // A bar starts at the axis floor: put the floor half a decade under the smallest power of ten reached, or the smallest bar is a sliver.
        if (figure.Data.Any(t => t?["type"]?.GetValue<string>() == "bar"))
        {
            var positive = values.Where(v => v > 0 && double.IsFinite(v)).ToList();
            settings["range"] = Figure.ToNode(new[] { Math.Floor(Math.Log10(positive.Min())) - 0.5, Math.Log10(positive.Max()) + 0.15 });
        }
        return figure.WithLayout(new System.Text.Json.Nodes.JsonObject { [axis + "axis"] = settings });
    }

    /// <summary>Whole-number ticks on an axis of counts or folds (never 1.5 folds or 2.5 weights).</summary>
    public static Figure WithWholeNumberAxis(this Figure figure, string axis, double max) =>
        figure.WithLayout(new System.Text.Json.Nodes.JsonObject
        {
            [axis + "axis"] = new System.Text.Json.Nodes.JsonObject { ["tickmode"] = "linear", ["tick0"] = 0, ["dtick"] = Ticks.WholeStep(max), ["tickformat"] = ",d" },
        });

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
