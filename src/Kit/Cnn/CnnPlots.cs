using Kit.Charts;

namespace Kit.Cnn;

/// <summary>The CNN lesson's charts.</summary>
public static class CnnPlots
{
    /// <summary>
    /// Several small heatmaps side by side (images, filters, feature maps), each with its own title,
    /// row 0 drawn at the top as in a picture. Values are rounded to 3 decimals to keep notebooks small.
    /// </summary>
    public static Figure Grids(IReadOnlyList<(string Title, double[,] Z)> panels, int columns = 4, string title = "", string colorscale = "Greys", bool sharedScale = false)
    {
        ArgumentNullException.ThrowIfNull(panels);
        if (panels.Count == 0) throw new ArgumentException("panels must hold at least one grid.", nameof(panels));
        if (columns < 1) throw new ArgumentOutOfRangeException(nameof(columns), columns, "columns must be at least 1.");
        if (panels.Any(p => p.Z.GetLength(0) > 80 || p.Z.GetLength(1) > 80)) throw new ArgumentException("each grid must be at most 80 × 80.", nameof(panels));
        columns = Math.Min(columns, panels.Count);
        int rows = (panels.Count + columns - 1) / columns;
        double zmin = panels.Min(p => p.Z.Cast<double>().Min()), zmax = panels.Max(p => p.Z.Cast<double>().Max());
        bool diverging = colorscale == "RdBu";  // red positive, blue negative: keep 0 in the middle (grey-white)
        if (diverging && sharedScale) { double m = Math.Max(Math.Abs(zmin), Math.Abs(zmax)); (zmin, zmax) = (-m, m); }
        var fig = new Figure();
        var layout = new System.Text.Json.Nodes.JsonObject();
        var annotations = new List<object>();
        const double gap = 0.04;
        double w = (1 - gap * (columns - 1)) / columns, h = (1 - 0.1 * rows) / rows;
        for (int i = 0; i < panels.Count; i++)
        {
            int r = i / columns, c = i % columns;
            string suffix = i == 0 ? "" : (i + 1).ToString();
            var z = panels[i].Z.ToRows().Select(row => row.Select(v => Math.Round(v, 3)).ToArray()).ToArray();
            fig.AddTrace(new
            {
                type = "heatmap", z, colorscale, xaxis = $"x{suffix}", yaxis = $"y{suffix}",
                showscale = sharedScale ? i == 0 : false, zmin = sharedScale ? zmin : (double?)null, zmax = sharedScale ? zmax : (double?)null,
                zmid = diverging && !sharedScale ? 0.0 : (double?)null,
            });
            double x0 = c * (w + gap), y1 = 1 - r * (h + 0.1) - 0.06;
            layout[$"xaxis{suffix}"] = System.Text.Json.JsonSerializer.SerializeToNode(new { domain = new[] { x0, x0 + w }, showticklabels = false, showgrid = false, zeroline = false, ticks = "", anchor = $"y{suffix}" });
            layout[$"yaxis{suffix}"] = System.Text.Json.JsonSerializer.SerializeToNode(new { domain = new[] { y1 - h, y1 }, showticklabels = false, showgrid = false, zeroline = false, ticks = "", autorange = "reversed", scaleanchor = $"x{suffix}", anchor = $"x{suffix}" });
            annotations.Add(new { text = panels[i].Title, x = x0 + w / 2, y = y1, xref = "paper", yref = "paper", xanchor = "center", yanchor = "bottom", showarrow = false, font = new { size = 11 } });
        }
        layout["annotations"] = System.Text.Json.JsonSerializer.SerializeToNode(annotations);
        layout["margin"] = System.Text.Json.JsonSerializer.SerializeToNode(new { t = 50, l = 10, r = 10, b = 10 });
        fig.WithLayout(layout);
        if (title.Length > 0) fig.WithTitle(title);
        return fig.WithSize(Math.Clamp(150 + 170 * rows, 250, 700));
    }

    /// <summary>The transfer experiment's three test accuracies as bars, each labelled with its value, on a 0–100 % axis with its title.</summary>
    public static Figure TransferAccuracy(TransferResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var target = result.TargetClasses;
        var digits = target.Zip(target.Skip(1)).All(p => p.Second == p.First + 1) ? $"{target[0]}–{target[^1]}" : string.Join(",", target);
        double[] accuracy = [result.TransferTestAccuracy, result.ScratchTestAccuracy, result.RandomFeaturesTestAccuracy];
        return new Figure().AddTrace(new
            {
                type = "bar", x = new[] { "transfer (frozen pre-trained conv)", "from scratch", "frozen random conv" }, y = accuracy,
                text = accuracy.Select(a => a.ToString("P1")).ToArray(), textposition = "outside", name = "test accuracy",
            })
            .WithTitle($"Digits {digits} from {result.TargetTrainExamples} training images")
            .WithAxisTitles("network", $"test accuracy on {digits}")
            .WithLayout(new { yaxis = new { range = new[] { 0.0, 1.1 }, tickformat = ".0%", tickvals = new[] { 0.0, 0.25, 0.5, 0.75, 1.0 } } })
            .WithSize(340);
    }
}
