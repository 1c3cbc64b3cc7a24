using Kit.Charts;
using Kit.Data;

namespace Kit.NetworkBasics;

/// <summary>The lesson's charts, built on <see cref="Chart"/> with plotly.js attribute names.</summary>
public static class Plots
{
    static readonly string[] Palette = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"];

    /// <summary>
    /// Each activation (solid) and its derivative from autograd (dashed), with buttons that show
    /// one activation at a time or all of them.
    /// </summary>
    public static Figure ActivationExplorer(IReadOnlyList<ActivationCurve> curves)
    {
        ArgumentNullException.ThrowIfNull(curves);
        if (curves.Count == 0) throw new ArgumentException("curves must contain at least one activation.", nameof(curves));
        var fig = new Figure();
        for (int i = 0; i < curves.Count; i++)
        {
            var c = curves[i];
            var color = Palette[i % Palette.Length];
            // A curve that runs on top of an earlier one (Leaky ReLU over ReLU for x > 0) is dotted so the earlier one shows through.
            bool overF = curves.Take(i).Any(e => Coincide(e.X, e.Y, c.X, c.Y)), overD = curves.Take(i).Any(e => Coincide(e.X, e.DyDx, c.X, c.DyDx));
            fig.AddTrace(new { type = "scatter", mode = "lines", x = c.X, y = c.Y, name = $"{c.Activation}(x)", line = new { color, dash = overF ? "dot" : null, width = overF ? 3.5 : 2.5 } });
            fig.AddTrace(new { type = "scatter", mode = "lines", x = c.X, y = c.DyDx, name = $"{c.Activation}′(x)", line = new { color, dash = overD ? "dot" : "dash", width = overD ? 2.5 : 1.5 } });
        }
        var buttons = new List<object> { new { label = "All", method = "restyle", args = new object[] { new { visible = Enumerable.Repeat(true, 2 * curves.Count).ToArray() } } } };
        for (int i = 0; i < curves.Count; i++)
        {
            var visible = Enumerable.Range(0, 2 * curves.Count).Select(t => t / 2 == i).ToArray();
            buttons.Add(new { label = curves[i].Activation.ToString(), method = "restyle", args = new object[] { new { visible } } });
        }
        return fig.WithSize(460).WithTitle("Activations (solid) and their derivatives from autograd (dashed)")
            .WithAxisTitles("x", "f(x), f′(x)")
            .WithLayout(new
            {
                yaxis = new { range = new[] { -1.5, 3.0 } },
                legend = new { orientation = "h", x = 0.0, y = -0.25 },
                updatemenus = new[] { new { type = "buttons", direction = "down", x = 1.02, y = 1.0, xanchor = "left", yanchor = "top", buttons } },
                margin = new { r = 130 },
            });
    }

    /// <summary>True when at least two fifths of the second curve lie on the first (same x, y within 0.02); a shared flat tail near 0 is less.</summary>
    static bool Coincide(double[] x1, double[] y1, double[] x2, double[] y2)
    {
        if (!x1.SequenceEqual(x2)) return false;
        int same = y1.Zip(y2).Count(p => Math.Abs(p.First - p.Second) < 0.02);
        return same >= Math.Max(2, 2 * y2.Length / 5);
    }

    /// <summary>Raw scores next to the probabilities softmax turns them into.</summary>
    public static Figure Softmax(IReadOnlyList<string> labels, IReadOnlyList<double> scores)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(scores);
        if (labels.Count != scores.Count) throw new ArgumentException($"labels must have one entry per score ({scores.Count}), not {labels.Count}.", nameof(labels));
        var probs = Activations.Softmax(scores);
        return Chart.Bar(labels, scores, "score (logit)")
            .AddTrace(new { type = "bar", x = labels.ToArray(), y = probs, name = "softmax probability", text = probs.Select(p => p.ToString("F3")).ToArray(), textposition = "outside" })
            .WithTitle($"Softmax: scores → probabilities (they sum to {probs.Sum():F3})")
            .WithAxisTitles("class", "value")
            .WithLayout(new { barmode = "group" });
    }

    /// <summary>Mid-tone blue → white → red: drawn opaque, so the fills are exactly the colour bar's colours and the dark points stand out.</summary>
    static readonly object[][] BoundaryScale = [[0.0, "#6baed6"], [0.5, "#f7f7f7"], [1.0, "#f4a582"]];

    /// <summary>P(class 1) as filled contours, the 0.5 line (the decision boundary) in black, the points on top.</summary>
    public static Figure DecisionBoundary(BoundaryGrid grid, ToyDataset data, string title)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(data);
        // Three decimals are plenty for colours and keep a saved notebook small.
        var z = grid.Z.Select(row => row.Select(v => Math.Round(v, 3)).ToArray()).ToArray();
        var fig = new Figure()
            .AddTrace(new
            {
                type = "contour", z, x = grid.X, y = grid.Y, colorscale = BoundaryScale,
                zmin = 0.0, zmax = 1.0, contours = new { start = 0.0, end = 1.0, size = 0.1 }, line = new { width = 0, smoothing = 1.3 },
                colorbar = new { title = new { text = "P(class 1)" } }, hoverinfo = "skip",
            })
            .AddTrace(new
            {
                type = "contour", z, x = grid.X, y = grid.Y, showscale = false, hoverinfo = "skip",
                contours = new { start = 0.5, end = 0.5, size = 1.0, coloring = "none" }, line = new { color = "black", width = 2, smoothing = 1.3 }, name = "boundary",
            });
        var xs = data.Column(0);
        var ys = data.Column(1);
        foreach (var label in data.ClassCounts().Keys)
        {
            var idx = Enumerable.Range(0, data.Count).Where(i => data.Labels[i] == label).ToArray();
            fig.AddTrace(new
            {
                type = "scatter", mode = "markers", name = $"class {label}",
                x = idx.Select(i => Math.Round(xs[i], 3)).ToArray(), y = idx.Select(i => Math.Round(ys[i], 3)).ToArray(),
                marker = new { size = 5, color = label == 0 ? "#1f4e9c" : "#b2182b", line = new { width = 0.5, color = "white" } },
            });
        }
        return fig.WithTitle(title ?? "Decision boundary").WithAxisTitles("x₁", "x₂").WithSize(420)
            .WithLayout(new { legend = new { orientation = "h", x = 0.0, y = -0.2 } });
    }

    /// <summary>Each network's weight-gradient norm per layer, on a log axis: a falling line towards layer 1 is a vanishing gradient.</summary>
    public static Figure GradientNorms(params (string Name, double[] Norms)[] networks)
    {
        ArgumentNullException.ThrowIfNull(networks);
        if (networks.Length == 0) throw new ArgumentException("networks must contain at least one (name, norms) pair.", nameof(networks));
        foreach (var (name, norms) in networks)
            if (string.IsNullOrWhiteSpace(name) || norms is null || norms.Length == 0)
                throw new ArgumentException("each network needs a name and at least one layer's norm.", nameof(networks));
        var fig = new Figure();
        foreach (var (name, norms) in networks)
            fig.AddTrace(new { type = "scatter", mode = "lines+markers", name, x = Enumerable.Range(1, norms.Length).Select(i => (double)i).ToArray(), y = norms });
        return fig.WithTitle("Gradient norm per layer after one backward pass")
            .WithAxisTitles("layer (1 = next to the input)", "‖∂loss/∂W‖ (log scale)")
            .WithLayout(new { yaxis = new { type = "log", exponentformat = "power" } });
    }
}
