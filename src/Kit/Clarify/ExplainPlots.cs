using Kit.Charts;

namespace Kit.Clarify;

/// <summary>The lesson's explainability charts: SHAP waterfall and summary, PDP with ICE curves, importance side by side.</summary>
public static class ExplainPlots
{
    /// <summary>
    /// From E[f(x)] to f(x), one bar per feature (largest |φ| first), like the study guide's loan example. Drawn as bars
    /// with a <c>base</c> (each starts where the previous ended), since the Kit's plotly bundle has no waterfall trace.
    /// </summary>
    public static Figure Waterfall(ShapExplanation explanation, IReadOnlyList<string> names, float[] row, string title)
    {
        var order = Enumerable.Range(0, names.Count).OrderByDescending(j => Math.Abs(explanation.Values[j])).ToArray();
        string[] x = ["E[f(x)]", .. order.Select(j => $"{names[j]} = {row[j]:G4}"), "f(x)"];
        var height = new List<double> { explanation.BaseValue };
        var start = new List<double> { 0 };
        double running = explanation.BaseValue;
        foreach (int j in order)
        {
            start.Add(running);
            height.Add(explanation.Values[j]);
            running += explanation.Values[j];
        }
        start.Add(0);
        height.Add(explanation.Prediction);
        var color = height.Select((h, i) => i == 0 || i == height.Count - 1 ? "#7f7f7f" : h >= 0 ? "#2ca02c" : "#d62728").ToArray();
        var text = height.Select((h, i) => i == 0 || i == height.Count - 1 ? h.ToString("F3") : h.ToString("+0.000;-0.000")).ToArray();
        return new Figure()
            .AddTrace(new { type = "bar", x, y = height.ToArray(), @base = start.ToArray(), marker = new { color }, text, textposition = "outside", showlegend = false })
            .WithTitle(title).WithAxisTitles("", "model output").WithSize(380);
    }

    /// <summary>A beeswarm: every row's SHAP value per feature, coloured by the feature's value (blue low, red high).</summary>
    public static Figure Summary(IReadOnlyList<ShapExplanation> explanations, float[] rows, IReadOnlyList<string> names, string title)
    {
        int m = names.Count, n = explanations.Count;
        var order = Enumerable.Range(0, m).OrderBy(j => explanations.Average(e => Math.Abs(e.Values[j]))).ToArray();
        var rng = new Random(0);
        var figure = new Figure();
        for (int rank = 0; rank < m; rank++)
        {
            int j = order[rank];
            var column = Enumerable.Range(0, n).Select(i => (double)rows[i * m + j]).ToArray();
            double low = column.Min(), span = Math.Max(column.Max() - low, 1e-12);
            figure.AddTrace(new
            {
                type = "scatter", mode = "markers", name = names[j], showlegend = false,
                x = explanations.Select(e => e.Values[j]).ToArray(),
                y = Enumerable.Range(0, n).Select(_ => rank + 0.3 * (rng.NextDouble() - 0.5)).ToArray(),
                marker = new { size = 5, color = column.Select(v => (v - low) / span).ToArray(), colorscale = "Bluered", cmin = 0, cmax = 1, showscale = rank == 0, colorbar = new { title = new { text = "feature value" }, tickvals = new[] { 0, 1 }, ticktext = new[] { "low", "high" } } },
            });
        }
        return figure.WithTitle(title).WithAxisTitles("SHAP value (impact on the model output)", "")
            .WithLayout(new { margin = new { l = 120 }, yaxis = new { tickvals = Enumerable.Range(0, m).ToArray(), ticktext = order.Select(j => names[j]).ToArray() } }).WithSize(360);
    }

    /// <summary>ICE curves (thin, up to <paramref name="curves"/>) under the PDP (thick): the average hides how rows differ.</summary>
    public static Figure PartialDependence(PartialDependence pd, string feature, int curves = 40)
    {
        var figure = new Figure();
        foreach (var (curve, i) in pd.Individual.Take(curves).Select((c, i) => (c, i)))
            figure.AddTrace(new { type = "scatter", mode = "lines", x = pd.Grid, y = curve, showlegend = i == 0, name = "ICE (one applicant)", line = new { color = "rgba(120,120,120,0.35)", width = 1 } });
        return figure.AddTrace(new { type = "scatter", mode = "lines", x = pd.Grid, y = pd.Average, name = "PDP (average)", line = new { color = "#d62728", width = 4 } })
            .WithTitle($"Partial dependence and ICE: {feature}").WithAxisTitles(feature, "model output").WithSize(360);
    }

    /// <summary>Two global rankings side by side, each scaled so its largest feature is 1.</summary>
    public static Figure Importance(IReadOnlyList<string> names, double[] permutation, double[] meanAbsShap)
    {
        double p = Math.Max(permutation.Max(), 1e-12), s = Math.Max(meanAbsShap.Max(), 1e-12);
        return new Figure()
            .AddTrace(new { type = "bar", x = names.ToArray(), y = permutation.Select(v => v / p).ToArray(), name = "permutation importance (accuracy drop)" })
            .AddTrace(new { type = "bar", x = names.ToArray(), y = meanAbsShap.Select(v => v / s).ToArray(), name = "mean |SHAP|" })
            .WithTitle("Global importance: permutation vs SHAP (largest = 1)").WithAxisTitles("", "relative importance").WithSize(340);
    }
}
