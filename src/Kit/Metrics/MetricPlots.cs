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
                type = "heatmap", z = cm.ToDoubles(), x = names, y = names, colorscale = Colours.Counts, zmin = 0.0,
                colorbar = new { title = new { text = "count" }, thickness = 14, outlinewidth = 0 },
                text = cm.Counts.Select(r => r.Select(c => c.ToString()).ToArray()).ToArray(), texttemplate = "%{text}",
                textfont = new { size = 16 }, hovertemplate = "true %{y}, predicted %{x}: %{z}<extra></extra>",
            })
            .WithTitle(title).WithAxisTitles("predicted class", "true class")
            // Axis titles at the bottom and left, clear of the chart title; automargin keeps long class names whole.
            // The counts scale runs pale to dark: the bigger the count, the darker the cell (white text is plotly's choice on dark cells).
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

        static string[] RocText(ThresholdPoint p) => [$"t = {p.Threshold:0.###}<br>TP {p.Counts.TP}  FP {p.Counts.FP}<br>FN {p.Counts.FN}  TN {p.Counts.TN}"];
        static string[] PrfText(ThresholdPoint p) => [$"precision {p.Precision:F2} · recall {p.Recall:F2} · F1 {p.F1:F2}"];
        double thMid = (th.Min() + th.Max()) / 2;
        // The four animated traces first (a frame's data list updates traces 0–3): the two markers, then their readouts,
        // which stay put off the curves: the ROC counts in the empty corner under the chance line, the three values above the curves.
        static object Frame(ThresholdPoint p) => new object[]
        {
            new { x = new[] { p.FalsePositiveRate }, y = new[] { p.Recall } },
            new { x = new[] { p.Threshold, p.Threshold, p.Threshold }, y = new[] { p.Precision, p.Recall, p.F1 } },
            new { text = RocText(p) },
            new { text = PrfText(p) },
        };

        var fig = new Figure();
        var first = points[active];
        fig.AddTrace(new
        {
            type = "scatter", mode = "markers", name = "operating point", x = new[] { first.FalsePositiveRate }, y = new[] { first.Recall },
            marker = new { size = 14, color = "#d62728" }, xaxis = "x", yaxis = "y", showlegend = false,
        });
        fig.AddTrace(new
        {
            type = "scatter", mode = "markers", name = "at threshold", x = new[] { first.Threshold, first.Threshold, first.Threshold },
            y = new[] { first.Precision, first.Recall, first.F1 },
            marker = new { size = 12, color = new[] { "#1f77b4", "#ff7f0e", "#2ca02c" } }, xaxis = "x2", yaxis = "y2", showlegend = false,
        });
        fig.AddTrace(new
        {
            type = "scatter", mode = "text", name = "counts", x = new[] { 1.0 }, y = new[] { 0.02 }, text = RocText(first), textposition = "top left",
            xaxis = "x", yaxis = "y", showlegend = false, hoverinfo = "skip",
        });
        fig.AddTrace(new
        {
            type = "scatter", mode = "text", name = "values", x = new[] { thMid }, y = new[] { PrfReadoutY }, text = PrfText(first), textposition = "middle center",
            xaxis = "x2", yaxis = "y2", showlegend = false, hoverinfo = "skip",
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
        double[] unit = [0.0, 0.25, 0.5, 0.75, 1.0];
        return fig.WithSize(480).WithTitle("Move the threshold: the ROC point and precision / recall / F1 move together")
            .WithLayout(new
            {
                xaxis = new { domain = new[] { 0.0, 0.42 }, range = new[] { -0.02, 1.02 }, title = new { text = "false positive rate" } },
                yaxis = new { range = new[] { -0.02, 1.08 }, tickvals = unit, title = new { text = "true positive rate (recall)" } },
                xaxis2 = new { domain = new[] { 0.55, 1.0 }, anchor = "y2", title = new { text = "threshold" } },
                yaxis2 = new { anchor = "x2", range = new[] { -0.02, PrfReadoutY + 0.1 }, tickvals = unit },
                // The legend at the right, beside the plots: the slider and its ticks have the space under them to themselves.
                legend = new { orientation = "v", x = 1.02, xanchor = "left", y = 1.0, yanchor = "top" },
                margin = new { b = 130, r = 20 },
                sliders = new[] { new { active, steps, currentvalue = new { prefix = "threshold ≥ " }, pad = new { t = 60 } } },
            });
    }

    /// <summary>Where the precision / recall / F1 readout sits on the right plot's y axis: above every curve (they stay within 0–1).</summary>
    public const double PrfReadoutY = 1.15;

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

    /// <summary>
    /// Inertia against k (the elbow) and, on the right axis, the silhouette score. Each axis title is coloured as its line,
    /// so no legend sits on the data; k is ticked in whole numbers and the silhouette with two decimals.
    /// </summary>
    public static Figure Elbow(IReadOnlyList<(int K, double Inertia)> elbow, IReadOnlyList<(int K, double Silhouette)>? silhouettes = null)
    {
        ArgumentNullException.ThrowIfNull(elbow);
        const string inertiaColour = "#1f77b4", silhouetteColour = "#ff7f0e";
        var fig = new Figure().AddTrace(new { type = "scatter", mode = "lines+markers", name = "inertia", x = elbow.Select(e => (double)e.K).ToArray(), y = elbow.Select(e => e.Inertia).ToArray(), line = new { color = inertiaColour } });
        if (silhouettes is not null)
            fig.AddTrace(new { type = "scatter", mode = "lines+markers", name = "silhouette", x = silhouettes.Select(e => (double)e.K).ToArray(), y = silhouettes.Select(e => e.Silhouette).ToArray(), yaxis = "y2", line = new { dash = "dash", color = silhouetteColour } });
        return fig.WithTitle("Elbow (inertia) and silhouette against k").WithAxisTitles("k (number of clusters)", "inertia (within-cluster sum of squares)")
            .WithLayout(new
            {
                showlegend = false,
                xaxis = new { tickmode = "linear", dtick = 1 },
                yaxis = new { title = new { font = new { color = inertiaColour } } },
                yaxis2 = new { overlaying = "y", side = "right", title = new { text = "silhouette (dashed)", font = new { color = silhouetteColour } }, tickmode = "auto", nticks = 6, tickformat = ".2f", showgrid = false },
            })
            .WithSize(360);
    }

    /// <summary>Points coloured by cluster (one legend entry per cluster that has points) and the centres as large crosses.</summary>
    public static Figure Clusters(IReadOnlyList<double[]> points, IReadOnlyList<int> labels, IReadOnlyList<double[]> centres, string title)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(centres);
        if (labels.Count != points.Count) throw new ArgumentException($"labels must have one cluster per point ({points.Count}), not {labels.Count}.", nameof(labels));
        string[] palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22"];
        var fig = new Figure();
        foreach (var cluster in labels.Distinct().Order())
        {
            var members = Enumerable.Range(0, points.Count).Where(i => labels[i] == cluster).ToArray();
            fig.AddTrace(new
            {
                type = "scatter", mode = "markers", name = $"cluster {cluster + 1}", x = members.Select(i => points[i][0]).ToArray(), y = members.Select(i => points[i][1]).ToArray(),
                marker = new { size = 6, color = palette[cluster % palette.Length], opacity = 0.8 },
            });
        }
        fig.AddTrace(new
        {
            type = "scatter", mode = "markers", name = "centre", x = centres.Select(c => c[0]).ToArray(), y = centres.Select(c => c[1]).ToArray(),
            marker = new { size = 18, symbol = "x", color = "black", line = new { width = 2, color = "white" } },
        });
        return fig.WithTitle(title).WithAxisTitles("x₁", "x₂").WithSize(380);
    }

    /// <summary>
    /// Precision against recall for each model, with a random model's precision (the positive rate) as a dotted line of the
    /// same colour, and chosen operating points marked (each named in the legend, so no label sits on a curve).
    /// </summary>
    public static Figure PrecisionRecall(IReadOnlyList<(string Name, PrecisionRecallCurve Curve, double PositiveRate)> curves, IReadOnlyList<(string Label, ThresholdPoint Point)>? marks = null)
    {
        ArgumentNullException.ThrowIfNull(curves);
        if (curves.Count == 0) throw new ArgumentException("give at least one curve", nameof(curves));
        string[] palette = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd"];
        string[] symbols = ["diamond", "square", "triangle-up", "star"];
        var fig = new Figure();
        for (int i = 0; i < curves.Count; i++)
        {
            var (name, c, rate) = curves[i];
            var colour = palette[i % palette.Length];
            fig.AddTrace(new { type = "scatter", mode = "lines", name, x = c.Recall, y = c.Precision, line = new { color = colour, shape = "hv" } });
            fig.AddTrace(new { type = "scatter", mode = "lines", name = $"random model ({(100 * rate).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)}% positive)", x = new[] { 0.0, 1.0 }, y = new[] { rate, rate }, line = new { color = colour, dash = "dot", width = 1.5 } });
        }
        foreach (var ((label, p), k) in (marks ?? []).Select((m, k) => (m, k)))
            fig.AddTrace(new
            {
                type = "scatter", mode = "markers", name = $"{label}: t = {p.Threshold:0.##}", x = new[] { p.Recall }, y = new[] { p.Precision },
                marker = new { size = 13, symbol = symbols[k % symbols.Length], color = "black", line = new { width = 1, color = "white" } },
            });
        return fig.WithTitle("Precision against recall: every threshold at once").WithAxisTitles("recall (share of positives found)", "precision (share of alarms that are right)")
            .WithLayout(new { xaxis = new { range = new[] { 0.0, 1.02 } }, yaxis = new { range = new[] { 0.0, 1.05 } } })
            .WithSize(400);
    }
}
