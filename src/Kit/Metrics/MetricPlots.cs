using Kit.Charts;

namespace Kit.Metrics;

/// <summary>The evaluation lesson's charts, on <see cref="Figure"/> with plotly.js attribute names.</summary>
public static class MetricPlots
{
    /// <summary>The confusion matrix as a tally: one cell per (true, predicted) pair, the count written in it.</summary>
    public static Figure ConfusionMatrix(ConfusionMatrix cm, IReadOnlyList<string>? classNames = null, string title = "Confusion matrix")
    {
        ArgumentNullException.ThrowIfNull(cm);
        var names = classNames?.ToArray() ?? cm.Labels.Select(l => l.ToString()).ToArray();
        if (names.Length != cm.ClassCount) throw new ArgumentException($"classNames needs one name per class ({cm.ClassCount}), not {names.Length}", nameof(classNames));
        return new Figure()
            .AddTrace(new
            {
                type = "heatmap", z = cm.ToDoubles(), x = names, y = names, colorscale = "Blues", reversescale = true, showscale = false,
                text = cm.Counts.Select(r => r.Select(c => c.ToString()).ToArray()).ToArray(), texttemplate = "%{text}",
                textfont = new { size = 16 }, hovertemplate = "true %{y}, predicted %{x}: %{z}<extra></extra>",
            })
            .WithTitle(title).WithAxisTitles("predicted class", "true class")
            // Axis titles at the bottom and left, clear of the chart title; automargin keeps long class names whole.
            // plotly.js's "Blues" runs dark to light, so it is reversed: the bigger the count, the darker the cell.
            .WithLayout(new { yaxis = new { autorange = "reversed", automargin = true }, xaxis = new { automargin = true } })
            .WithSize(Math.Min(560, 260 + 60 * cm.ClassCount));
    }

    /// <summary>
    /// A threshold slider (with animation frames): dragging it moves the operating point along the ROC curve
    /// (left) and the precision, recall and F1 markers along their curves (right) together.
    /// </summary>
    public static Figure ThresholdExplorer(IReadOnlyList<int> yTrue, IReadOnlyList<double> yScore, IReadOnlyList<double> thresholds, double start = 0.5)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        if (thresholds.Count < 2) throw new ArgumentException("give at least 2 thresholds for the slider", nameof(thresholds));
        var roc = Ranking.RocCurve(yTrue, yScore);
        var points = Ranking.AtThresholds(yTrue, yScore, thresholds);
        double[] th = points.Select(p => p.Threshold).ToArray();
        int active = Array.IndexOf(th, th.MinBy(t => Math.Abs(t - start)));

        static string[] RocText(ThresholdPoint p) => [$"t = {p.Threshold:0.###}<br>TP {p.Counts.TP} FP {p.Counts.FP}<br>FN {p.Counts.FN} TN {p.Counts.TN}"];
        static string[] PrfText(ThresholdPoint p) => [$"P {p.Precision:F2}", $"R {p.Recall:F2}", $"F1 {p.F1:F2}"];
        static object Frame(ThresholdPoint p) => new object[]
        {
            new { x = new[] { p.FalsePositiveRate }, y = new[] { p.Recall }, text = RocText(p) },
            new { x = new[] { p.Threshold, p.Threshold, p.Threshold }, y = new[] { p.Precision, p.Recall, p.F1 }, text = PrfText(p) },
        };

        var fig = new Figure();
        var first = points[active];
        // Animated traces first: a frame's data list updates traces 0 and 1.
        fig.AddTrace(new
        {
            type = "scatter", mode = "markers+text", name = "operating point", x = new[] { first.FalsePositiveRate }, y = new[] { first.Recall },
            text = RocText(first), textposition = "bottom right", marker = new { size = 14, color = "#d62728" }, xaxis = "x", yaxis = "y", showlegend = false,
        });
        fig.AddTrace(new
        {
            type = "scatter", mode = "markers+text", name = "at threshold", x = new[] { first.Threshold, first.Threshold, first.Threshold },
            y = new[] { first.Precision, first.Recall, first.F1 }, text = PrfText(first), textposition = "middle right",
            marker = new { size = 12, color = new[] { "#1f77b4", "#ff7f0e", "#2ca02c" } }, xaxis = "x2", yaxis = "y2", showlegend = false,
        });
        fig.AddTrace(new { type = "scatter", mode = "lines", name = $"ROC (AUC {roc.Auc:F3})", x = roc.Fpr, y = roc.Tpr, line = new { color = "#444" }, xaxis = "x", yaxis = "y" });
        fig.AddTrace(new { type = "scatter", mode = "lines", name = "chance", x = new[] { 0.0, 1.0 }, y = new[] { 0.0, 1.0 }, line = new { color = "#aaa", dash = "dot" }, xaxis = "x", yaxis = "y" });
        fig.AddTrace(new { type = "scatter", mode = "lines", name = "precision", x = th, y = points.Select(p => p.Precision).ToArray(), line = new { color = "#1f77b4" }, xaxis = "x2", yaxis = "y2" });
        fig.AddTrace(new { type = "scatter", mode = "lines", name = "recall", x = th, y = points.Select(p => p.Recall).ToArray(), line = new { color = "#ff7f0e" }, xaxis = "x2", yaxis = "y2" });
        fig.AddTrace(new { type = "scatter", mode = "lines", name = "F1", x = th, y = points.Select(p => p.F1).ToArray(), line = new { color = "#2ca02c" }, xaxis = "x2", yaxis = "y2" });

        var steps = new List<object>();
        foreach (var p in points)
        {
            string name = p.Threshold.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
            fig.AddFrame(name, Frame(p));
            steps.Add(new
            {
                label = name, method = "animate",
                args = new object[] { new[] { name }, new { mode = "immediate", frame = new { duration = 0, redraw = false }, transition = new { duration = 0 } } },
            });
        }
        return fig.WithSize(460).WithTitle("Move the threshold: the ROC point and precision / recall / F1 move together")
            .WithLayout(new
            {
                xaxis = new { domain = new[] { 0.0, 0.42 }, range = new[] { -0.02, 1.02 }, title = new { text = "false positive rate" } },
                yaxis = new { range = new[] { -0.02, 1.08 }, title = new { text = "true positive rate (recall)" } },
                xaxis2 = new { domain = new[] { 0.55, 1.0 }, anchor = "y2", title = new { text = "threshold" } },
                yaxis2 = new { anchor = "x2", range = new[] { -0.02, 1.08 } },
                legend = new { orientation = "h", x = 0.0, y = -0.45 },
                margin = new { b = 150 },
                sliders = new[] { new { active, steps, currentvalue = new { prefix = "threshold ≥ " }, pad = new { t = 50 } } },
            });
    }

    /// <summary>ROC curves of several classifiers on one chart, with the chance diagonal.</summary>
    public static Figure Roc(params (string Name, RocCurve Curve)[] curves)
    {
        ArgumentNullException.ThrowIfNull(curves);
        if (curves.Length == 0) throw new ArgumentException("give at least one curve", nameof(curves));
        var fig = new Figure();
        foreach (var (name, c) in curves) fig.AddLine(c.Fpr, c.Tpr, $"{name} (AUC {c.Auc:F3})");
        return fig.AddLine([0.0, 1.0], [0.0, 1.0], "chance (AUC 0.5)", dash: "dot")
            .WithTitle("ROC curves").WithAxisTitles("false positive rate", "true positive rate (recall)").WithSize(380);
    }

    /// <summary>Inertia against k (the elbow) and, on a second axis, the silhouette score.</summary>
    public static Figure Elbow(IReadOnlyList<(int K, double Inertia)> elbow, IReadOnlyList<(int K, double Silhouette)>? silhouettes = null)
    {
        ArgumentNullException.ThrowIfNull(elbow);
        var fig = new Figure().AddTrace(new { type = "scatter", mode = "lines+markers", name = "inertia", x = elbow.Select(e => (double)e.K).ToArray(), y = elbow.Select(e => e.Inertia).ToArray() });
        if (silhouettes is not null)
            fig.AddTrace(new { type = "scatter", mode = "lines+markers", name = "silhouette", x = silhouettes.Select(e => (double)e.K).ToArray(), y = silhouettes.Select(e => e.Silhouette).ToArray(), yaxis = "y2", line = new { dash = "dash" } });
        return fig.WithTitle("Elbow (inertia) and silhouette against k").WithAxisTitles("k (number of clusters)", "inertia (within-cluster sum of squares)")
            .WithLayout(new { yaxis2 = new { overlaying = "y", side = "right", title = new { text = "silhouette" } }, legend = new { x = 0.6, y = 0.95 } })
            .WithSize(360);
    }
}
